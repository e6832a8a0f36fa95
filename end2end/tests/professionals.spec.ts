import { expect, test } from "@playwright/test";
import { open, watch } from "./helpers";

// Standards, catalogue and comparison for professionals (issue 6). Every test runs with
// JavaScript on and off: filters, search and comparison are plain GET forms.

test("the standards list shows each document's status today", async ({ page }, info) => {
  const seen = watch(page);
  const response = await open(page, info, "/standarder");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kvalitetsstandarder");
  const cards = page.locator(".standard-card");
  await expect(cards).toHaveCount(5);
  // The statuses hold on the server's day, not the real one: scripts/test.sh starts the server's
  // clock at 2026-11-30 (RMP_CLOCK_START), within six months of Odsherred's last day, 31.12.2026.
  const expired = cards.filter({ hasText: "2020–2022" });
  await expect(expired.locator(".status-badge")).toHaveText("Udløbet");
  await expect(expired).toContainText("Afløst for Ishøj af");
  const odsherred = cards.filter({ hasText: "Odsherred" });
  await expect(odsherred.locator(".status-badge")).toHaveText("Skal revideres snart");
  const ishoj2024 = page.locator(".standard-card", { has: page.getByRole("heading", { name: "Ishøj Kommunes kvalitetsstandard (januar 2024)" }) });
  await expect(ishoj2024.locator(".status-badge")).toHaveText("Gældende");
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("a standard reads as a structured page with a working table of contents", async ({ page }, info) => {
  await open(page, info, "/standarder/odsherred-2025");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Odsherred Kommunes kvalitetsstandard 2025–2026");
  const toc = page.getByRole("navigation", { name: "Indhold" });
  await expect(toc.getByRole("link")).not.toHaveCount(0);
  await toc.getByRole("link", { name: "Behandlingsgaranti" }).click();
  await expect(page).toHaveURL(/#behandlingsgaranti$/);
  await expect(page.locator("#behandlingsgaranti")).toBeInViewport();
  // Hyphenation from the PDF is gone: the words are whole.
  await expect(page.locator("article")).toContainText("Rusmiddelteamet er organiseret i fagcenter Social og Arbejdsmarked");
  await expect(page.locator("article li").first()).toBeVisible();
});

test("Pitstop's rates are a table", async ({ page }, info) => {
  await open(page, info, "/standarder/pitstop-takstblad");
  const row = page.getByRole("row", { name: /Ambulant behandling/ });
  await expect(row).toContainText("227 kr. pr. dag");
});

test("an unknown standard is the Danish 404 page", async ({ page }, info) => {
  const response = await open(page, info, "/standarder/findes-ikke");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
});

test("the print stylesheet hides the page furniture", async ({ page }, info) => {
  await open(page, info, "/standarder/ishoj-2024");
  await expect(page.locator("#quick-exit")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#quick-exit")).toBeHidden();
  await expect(page.locator("header.header")).toBeHidden();
  await expect(page.locator("nav.pro-nav")).toBeHidden();
  await expect(page.locator("footer")).toBeHidden();
  await expect(page.locator("article.standard-text")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("header.header")).toBeVisible();
});

test("what Odsherred offers a 12-year-old, from the filter form", async ({ page }, info) => {
  const seen = watch(page);
  await open(page, info, "/katalog");
  const all = await page.locator(".service-card").count();
  expect(all).toBeGreaterThan(70);
  await page.getByLabel("Kommune").selectOption("odsherred");
  await page.getByLabel("Alder (frivilligt)").fill("12");
  await page.getByRole("button", { name: "Vis ydelser" }).click();
  await expect(page).toHaveURL(/kommune=odsherred/);
  await expect(page).toHaveURL(/alder=12/);
  const cards = page.locator(".service-card");
  await expect(cards.first()).toBeVisible();
  const n = await cards.count();
  expect(n).toBeGreaterThan(5);
  expect(n).toBeLessThan(all);
  for (const text of await cards.locator(".service-tags").allTextContents()) {
    expect(text).toContain("Odsherred");
  }
  await expect(cards.filter({ hasText: "Støttende samtaler til børn" })).toHaveCount(1);
  // Each service carries its citation.
  expect(await cards.locator(".citation").count()).toBe(n);
  await expect(cards.locator(".citation").first()).toContainText("Odsherred Kommunes kvalitetsstandard 2025–2026");
  // The form keeps what was chosen.
  await expect(page.getByLabel("Kommune")).toHaveValue("odsherred");
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("a filtered list is a link: kind, substance and anonymity", async ({ page }, info) => {
  await open(page, info, "/katalog?type=residential");
  const cards = page.locator(".service-card");
  await expect(cards).toHaveCount(4);
  await open(page, info, "/katalog?anonym=ja&kommune=thisted");
  await expect(page.locator(".service-card")).toHaveCount(2);
  await expect(page.getByLabel("Kun ydelser, hvor man kan være anonym")).toBeChecked();
  await open(page, info, "/katalog?rusmiddel=alcohol&kommune=thisted");
  await expect(page.locator(".service-card")).toHaveCount(0);
  await expect(page.getByText("Ingen ydelser passer på din søgning")).toBeVisible();
});

test("search is Danish-aware: a word part finds compounds, in services and standards", async ({ page }, info) => {
  await open(page, info, "/katalog");
  await page.getByLabel("Søg i ydelser og standarder").fill("stof");
  await page.getByRole("button", { name: "Vis ydelser" }).click();
  await expect(page).toHaveURL(/q=stof/);
  await expect(page.locator(".service-card").first()).toBeVisible();
  const hits = page.locator(".standard-hit");
  await expect(hits.first()).toBeVisible();
  await expect(page.locator(".standard-hits")).toContainText(/stofmisbrug/i);
  // A hit links into the standard at its section.
  const href = await hits.first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/standarder\/[a-z0-9-]+#[a-z0-9-]+$/);

  await open(page, info, "/katalog?q=PAARORENDE");
  await expect(page.locator(".service-card").first()).toContainText(/pårørende/i);
  await open(page, info, "/katalog?q=Pitstop%20By%20Night");
  await expect(page.locator(".service-card").first().locator(".service-name")).toHaveText("Pitstop By Night");
});

test("a search with no hits and bad parameters say so in Danish", async ({ page }, info) => {
  const response = await open(page, info, "/katalog?q=kvantefysik&kommune=aarhus&alder=tolv");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert")).toContainText("Kommunen findes ikke i portalen");
  await expect(page.getByRole("alert")).toContainText("Skriv alderen som et helt tal");
  await expect(page.getByText("Ingen ydelser passer på din søgning")).toBeVisible();
  await expect(page.getByText("Ordet står ikke i nogen af standarderne.")).toBeVisible();
  const age = page.getByLabel("Alder (frivilligt)");
  await expect(age).toHaveAttribute("aria-describedby", /age-error/);
});

test("compare Odsherred and Ishøj side by side, each cell cited", async ({ page }, info) => {
  const seen = watch(page);
  await open(page, info, "/sammenlign");
  await page.getByLabel("Odsherred Kommune").check();
  await page.getByLabel("Ishøj Kommune").check();
  await page.getByRole("button", { name: "Sammenlign" }).click();
  await expect(page).toHaveURL(/kommune=ishoj/);
  await expect(page).toHaveURL(/kommune=odsherred/);
  const age = page.locator("#emne-alder");
  await expect(age.locator('[data-kommune="odsherred"]')).toContainText("Målgruppen er fra 12 år.");
  await expect(age.locator('[data-kommune="ishoj"]')).toContainText("Målgruppen er fra 13 år.");
  for (const topic of ["alder", "anonymitet", "samtaler", "intensitet", "garanti", "klage", "betaling", "opfoelgning", "resultatmaal"]) {
    await expect(page.locator(`#emne-${topic}`)).toBeVisible();
  }
  // Every fact has a citation naming document and section.
  const facts = page.locator(".compare-fact");
  const n = await facts.count();
  expect(n).toBeGreaterThan(20);
  expect(await page.locator(".compare-fact .citation").count()).toBe(n);
  await expect(page.locator("#emne-resultatmaal [data-kommune='odsherred']")).toContainText("35 %");
  // Readable on a phone: nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("compare with one or an unknown municipality explains, in Danish", async ({ page }, info) => {
  let response = await open(page, info, "/sammenlign?kommune=thisted");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert")).toContainText("Vælg mindst to kommuner");
  await expect(page.locator(".compare-row")).toHaveCount(0);
  response = await open(page, info, "/sammenlign?kommune=thisted&kommune=koebenhavn");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert")).toContainText("»koebenhavn«: Kommunen findes ikke i portalen");
});

test("the comparison downloads as CSV with citations", async ({ page, request }, info) => {
  await open(page, info, "/sammenlign?kommune=thisted&kommune=vallensbaek");
  const link = page.getByRole("link", { name: "Hent sammenligningen som CSV-fil" });
  await expect(link).toHaveAttribute("href", "/sammenlign.csv?kommune=thisted&kommune=vallensbaek");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^sammenligning-thisted-vallensbaek-\d{4}-\d{2}-\d{2}\.csv$/);

  const res = await request.get("/sammenlign.csv?kommune=thisted&kommune=vallensbaek");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toContain("attachment; filename=");
  const body = await res.text();
  const lines = body.replace(/^\uFEFF/, "").split("\n");
  expect(lines[0]).toBe("Kommune;Emne;Overskrift;Oplysning;Dokument;Afsnit;Lovgrundlag;Citat fra kilden;Fra udløbet standard");
  expect(body).toContain("Thisted Kommune;Klageadgang;");
  expect(body).toContain("Vallensbæk Kommune;");

  const bad = await request.get("/sammenlign.csv?kommune=thisted");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Vælg mindst to kommuner");
});
