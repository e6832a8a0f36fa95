import { expect, test } from "@playwright/test";
import { KOMMUNER, open, watch } from "./helpers";

for (const k of KOMMUNER) {
  test(`${k.slug}: start page gives the site, how to reach it and the sources`, async ({ page }, info) => {
    const seen = watch(page);
    const response = await open(page, info, `/${k.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(k.name);
    await expect(page.getByRole("heading", { level: 2 }).first()).toContainText(k.site);
    // Every fact carries a citation to a seed document.
    const facts = page.locator("main p.fact:not(.not-given)");
    const citations = page.locator("main p.citation");
    expect(await facts.count()).toBeGreaterThan(2);
    // A source line shared by consecutive facts from one section says how many (`data-covers`).
    const covered = await citations.evaluateAll((lines) => lines.reduce((n, line) => n + Number(line.getAttribute("data-covers") ?? "1"), 0));
    expect(covered).toBe(await facts.count());
    await expect(citations.first()).toContainText("Kilde:");
    if (k.phone) {
      await expect(page.locator("footer")).toContainText(k.phone);
    }
    await expect(page.getByRole("heading", { name: "Kilder på denne side" })).toBeVisible();
    await expect(page.locator(".authority-name")).toHaveText(k.name);
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
}

test("what a seed does not say is said plainly, not invented", async ({ page }, info) => {
  await open(page, info, "/odsherred");
  // Odsherred's standard gives no phone number.
  await expect(page.locator(".site-detail", { hasText: "Telefon" })).toContainText("Kvalitetsstandarden oplyser det ikke");
});

test("an unknown municipality is a Danish 404 page", async ({ page }, info) => {
  const response = await open(page, info, "/koebenhavn");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
  await expect(page.getByText("Ishøj, Vallensbæk, Odsherred og Thisted")).toBeVisible();
});

test("an unknown deeper path is a Danish 404 page", async ({ page }, info) => {
  const response = await open(page, info, "/ishoj/findes-ikke/her");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
});

test("the accessibility statement is linked from the footer", async ({ page }, info) => {
  await open(page, info, "/thisted");
  await page.getByRole("link", { name: "Tilgængelighedserklæring" }).click();
  await expect(page).toHaveURL(/\/tilgaengelighed$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tilgængelighedserklæring");
});
