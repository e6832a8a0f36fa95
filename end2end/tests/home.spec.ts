import { expect, test } from "@playwright/test";
import { EXIT_URL, KOMMUNER, jsEnabled, open, stubExitSite, watch } from "./helpers";

test("the home page is rendered on the server, in Danish", async ({ page }, info) => {
  const seen = watch(page);
  const response = await open(page, info, "/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rusmiddelportalen");
  for (const k of KOMMUNER) {
    await expect(page.getByRole("link", { name: k.name }).first()).toHaveAttribute("href", `/${k.slug}`);
  }
  await expect(page.getByRole("heading", { name: "Hvem er du?" })).toBeVisible();
  await expect(page.getByText("Jeg er pårørende")).toBeVisible();
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("the page hydrates only when JavaScript runs", async ({ page }, info) => {
  await page.goto("/");
  if (jsEnabled(info)) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  } else {
    await page.waitForLoadState("load");
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  }
});

test("the browser gets only the islands: a small module, and no server-function calls", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "nothing is downloaded without JavaScript");
  const wasm: number[] = [];
  const api: string[] = [];
  page.on("response", async (r) => {
    if (r.url().endsWith(".wasm")) wasm.push((await r.body()).length);
  });
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) api.push(r.url());
  });
  await open(page, info, "/ishoj");
  await page.getByRole("link", { name: "Book en anonym afklarende samtale" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(wasm.length).toBeGreaterThan(0);
  // The whole app was over 2 MB; the islands alone are a small fraction of that. The exact size
  // is measured by scripts/bench.sh, not asserted here.
  for (const size of wasm) expect(size).toBeLessThan(1_000_000);
  expect(api).toEqual([]);
});

test("quick exit is the first thing the keyboard reaches", async ({ page }, info) => {
  await open(page, info, "/");
  await page.keyboard.press("Tab");
  await expect(page.locator("#quick-exit")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Gå til sidens indhold" })).toBeFocused();
});

test("quick exit leaves for a neutral site; with JavaScript it also replaces the history entry", async ({ page }, info) => {
  await stubExitSite(page);
  await page.goto("about:blank");
  await open(page, info, "/ishoj");
  await page.locator("#quick-exit").click();
  await expect(page).toHaveURL(EXIT_URL);
  await page.goBack();
  if (jsEnabled(info)) {
    // location.replace: "back" skips the portal page entirely.
    await expect(page).not.toHaveURL(/\/ishoj$/);
  } else {
    await expect(page).toHaveURL(/\/ishoj$/);
  }
});

test("three presses of Shift leave the page when JavaScript runs", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "a keyboard shortcut needs JavaScript; the link covers the no-JS case");
  await stubExitSite(page);
  await open(page, info, "/odsherred");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(EXIT_URL);
});

// Issue 39, item 6: on a cheap phone the module hydrates seconds after the page shows. Under
// Lighthouse's slow-4G profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU
// throttling, Shift × 3 pressed 300 ms after the navigation's answer began must leave at once:
// the inline script in the layout handles it before the island can.
test("three presses of Shift leave a throttled page before its module has loaded", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "a keyboard shortcut needs JavaScript; the link covers the no-JS case");
  await stubExitSite(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto("/odsherred/rettigheder", { waitUntil: "commit" });
  await page.waitForTimeout(300);
  // The presses come before the module: had it hydrated, this test would prove nothing.
  expect(await page.evaluate(() => document.documentElement.hasAttribute("data-hydrated"))).toBe(false);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(EXIT_URL, { timeout: 5_000 });
});

test("two presses of Shift do not leave", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "JavaScript only");
  await stubExitSite(page);
  await open(page, info, "/odsherred");
  for (let i = 0; i < 2; i++) await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/odsherred$/);
});

test("showing the controls that need the module moves nothing on the page", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "without JavaScript the controls never show");
  // The web fonts are held back, so that only the islands could move anything.
  await page.route(/\.woff2$/, (route) => route.abort());
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__shifts.push((e as any).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await open(page, info, "/min-aftale");
  await expect(page.getByLabel("Vis koden")).toBeVisible();
  const shifts: number[] = await page.evaluate(() => (window as any).__shifts);
  expect(shifts).toEqual([]);
});
