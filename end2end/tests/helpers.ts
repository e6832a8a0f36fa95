import { Browser, BrowserContext, expect, Page, TestInfo } from "@playwright/test";
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

/** Opens a page and, with JavaScript on, waits until the WASM has hydrated its islands (a page
 * without an island, such as a staff page, loads no module: nothing to wait for). */
export async function open(page: Page, info: TestInfo, path: string) {
  const response = await page.goto(path);
  await waitForIslands(page, info);
  return response;
}

/** With JavaScript on, waits until the page's islands are hydrated (after a click that loaded a
 * new page, too). */
export async function waitForIslands(page: Page, info: TestInfo) {
  if (jsEnabled(info) && (await page.locator("leptos-island").count()) > 0) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
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

/** A second browser of its own, like the project's (phone-sized, Danish, JS as the project says),
 * sharing nothing with the test's page: a citizen next to a member of staff. */
export async function separateBrowser(browser: Browser, info: TestInfo): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "da-DK",
    javaScriptEnabled: jsEnabled(info),
    baseURL: info.project.use.baseURL,
  });
}

/** scripts/test.sh creates these staff accounts with `server add-staff` before it starts the server. */
/**
 * The server's clock, which scripts/test.sh starts at a fixed instant (RMP_CLOCK_START) so that no
 * test depends on the day it runs. E2E_CLOCK_STARTED_MS is when, by the real clock, the server
 * was started; from then on both clocks run at the same pace.
 */
/** A day three days ahead of the server's clock (set by scripts/test.sh), typed (d.m.yyyy) and ISO (Copenhagen): a day staff can open an extra slot on. */
export function threeDaysAhead() {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date(serverNow().getTime() + 3 * 86_400_000))
    .split("-");
  return { typed: `${Number(d)}.${Number(m)}.${y}`, iso: `${y}-${m}-${d}` };
}

export function serverNow(): Date {
  const start = Date.parse(process.env.RMP_CLOCK_START ?? "");
  const startedAt = Number(process.env.E2E_CLOCK_STARTED_MS);
  if (Number.isNaN(start) || !Number.isFinite(startedAt)) {
    throw new Error("RMP_CLOCK_START and E2E_CLOCK_STARTED_MS must be set: run the suite with scripts/test.sh");
  }
  return new Date(start + (Date.now() - startedAt));
}

export const STAFF_PASSWORD = process.env.E2E_STAFF_PASSWORD ?? "en-lang-testadgangskode";
export const COUNSELLOR = "raadgiver";
export const ADMIN = "admin";
export const CASE_WORKER = "sagsbehandler";

/** Signs in on the staff start page (staff pages load no script: nothing to wait for). */
export async function staffSignIn(page: Page, username: string, password = STAFF_PASSWORD) {
  await page.goto("/personale");
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

/** Someone from the identified-request test data (end2end/tests/identified-test-data.json). */
export type TestPerson = { name: string; phone: string; email: string };

/**
 * A person files a request for treatment in `kommune` in a browser of their own (no cookie,
 * nothing shared with staff), and gets its reference number.
 */
export async function personFiles(browser: Browser, info: TestInfo, kommune: string, person: TestPerson): Promise<string> {
  const context = await separateBrowser(browser, info);
  const page = await context.newPage();
  await open(page, info, `/${kommune}/henvendelse`);
  await page.getByLabel("Navn", { exact: true }).fill(person.name);
  await page.getByLabel("Telefonnummer", { exact: true }).fill(person.phone);
  await page.getByLabel("Andre rusmidler, fx hash, kokain eller piller").check();
  await page.getByLabel(/^Jeg giver samtykke/).check();
  await page.getByRole("button", { name: "Send henvendelsen" }).click();
  const reference = (await page.locator("#reference").innerText()).trim();
  expect(await context.cookies()).toEqual([]);
  await context.close();
  return reference;
}
