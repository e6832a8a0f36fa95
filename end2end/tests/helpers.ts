import { expect, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const KOMMUNER = [
  { slug: "ishoj", name: "Ishøj Kommune", site: "Pitstop", phone: "20 69 28 33" },
  { slug: "vallensbaek", name: "Vallensbæk Kommune", site: "Pitstop", phone: "20 69 28 33" },
  { slug: "odsherred", name: "Odsherred Kommune", site: "Rusmiddelteamet", phone: null },
  { slug: "thisted", name: "Thisted Kommune", site: "Thisted Kommunes Rusmiddelcenter", phone: "99 17 19 20" },
];

export const EXIT_URL = "https://www.dmi.dk/";

export function jsEnabled(info: TestInfo): boolean {
  return info.project.name === "js";
}

/** Opens a page and, with JavaScript on, waits until the WASM has hydrated it. */
export async function open(page: Page, info: TestInfo, path: string) {
  const response = await page.goto(path);
  if (jsEnabled(info)) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
}

/** Records every request that leaves this machine, and every console error. */
export function watch(page: Page) {
  const external: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host) && !r.url().startsWith("data:")) {
      external.push(r.url());
    }
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { external, errors };
}

/** Answers the quick-exit destination locally, so no test request leaves the machine. */
export async function stubExitSite(page: Page) {
  await page.route("https://www.dmi.dk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Vejret</title><p>Vejret</p>" }),
  );
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}
