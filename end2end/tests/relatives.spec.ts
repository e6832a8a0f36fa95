import { expect, Page, test, TestInfo } from "@playwright/test";
import { open, watch } from "./helpers";

/** Picks the first free time on the relatives' page and books it; returns the page's text. */
async function bookFirstFree(page: Page) {
  await page.locator('input[name="tid"]').first().check();
  await page.getByRole("button", { name: "Fortsæt", exact: true }).click();
  await expect(page.getByRole("heading", { name: "3. Læs og bekræft" })).toBeVisible();
  await page.getByRole("button", { name: "Book tiden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
}

async function enterCode(page: Page, info: TestInfo, token: string) {
  await open(page, info, "/vallensbaek/paaroerende");
  await page.getByLabel("Din kode").fill(token);
  await page.getByRole("button", { name: "Fortsæt med min kode" }).click();
}

test("a relative books five anonymous talks on one token; the sixth is refused with what comes next", async ({ page, context }, info) => {
  const seen = watch(page);
  await open(page, info, "/vallensbaek");
  await page.getByRole("link", { name: "Book en anonym samtale for pårørende" }).click();
  await expect(page).toHaveURL(/\/vallensbaek\/paaroerende$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samtaler for pårørende");
  // The municipality's rule, cited: up to five anonymous talks.
  await expect(page.locator(".fact", { hasText: "op til 5 anonyme" }).first()).toBeVisible();

  await bookFirstFree(page);
  const token = (await page.locator("#token").innerText()).trim();
  await expect(page.locator("#talk-count")).toHaveText("Du har brugt 1 af 5 anonyme samtaler.");

  for (let n = 2; n <= 5; n++) {
    await enterCode(page, info, token);
    await expect(page.locator("#talk-count")).toHaveText(`Du har brugt ${n - 1} af 5 anonyme samtaler.`);
    await expect(page.getByRole("heading", { name: "Book din næste samtale" })).toBeVisible();
    await bookFirstFree(page);
    // The same token: not shown again, and the count goes up.
    await expect(page.locator("#token")).toHaveCount(0);
    await expect(page.locator("#talk-count")).toHaveText(`Du har brugt ${n} af 5 anonyme samtaler.`);
  }

  await enterCode(page, info, token);
  const refused = page.locator("#quota-reached");
  await expect(refused).toContainText("Du har brugt 5 af 5 anonyme samtaler.");
  await expect(page.locator(".fact", { hasText: "pårørendeforløb" })).toContainText("ikke længere være anonym");
  await expect(page.locator(".citation", { hasText: "»Pårørende«" }).first()).toBeVisible();
  await expect(page.getByText("Ring til Pitstop på 20 69 28 33")).toBeVisible();
  await expect(page.locator('input[name="tid"]')).toHaveCount(0);

  // The token never appeared in a URL, no cookie was set, nothing left the machine.
  expect(page.url().toUpperCase()).not.toContain(token.replaceAll("-", ""));
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("a code from another municipality is not accepted on the relatives' page", async ({ page }, info) => {
  await open(page, info, "/odsherred/paaroerende");
  await page.getByLabel("Din kode").fill("7KQ-FM2-XD9-TZP-HW4-R5A");
  await page.getByRole("button", { name: "Fortsæt med min kode" }).click();
  await expect(page.locator("#kode-error")).toBeVisible();
});

test("Thisted's standard names no anonymous talks for relatives: the page says so and shows the rule", async ({ page }, info) => {
  const response = await open(page, info, "/thisted/paaroerende");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("nævner ikke anonyme samtaler for pårørende")).toBeVisible();
  await expect(page.locator('input[name="tid"]')).toHaveCount(0);
  await expect(page.locator(".citation").first()).toContainText("Thisted");
});

test("a citizen books an anonymous counselling series in Odsherred: one token, the count shown, the cap cited", async ({ page, context }, info) => {
  const seen = watch(page);
  await open(page, info, "/odsherred");
  await page.getByRole("link", { name: "Book et anonymt rådgivningsforløb", exact: true }).click();
  await expect(page).toHaveURL(/\/odsherred\/raadgivning$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anonymt rådgivningsforløb");
  await expect(page.locator(".fact", { hasText: "1–5 anonyme rådgivende samtaler" }).first()).toBeVisible();
  await expect(page.locator(".citation", { hasText: "»Mulighed for anonymitet«" }).first()).toBeVisible();
  await bookFirstFree(page);
  const token = (await page.locator("#token").innerText()).trim();
  await expect(page.locator("#talk-count")).toHaveText("Du har brugt 1 af 5 anonyme samtaler.");
  // The same token continues the series.
  await open(page, info, "/odsherred/raadgivning");
  await page.getByLabel("Din kode").fill(token);
  await page.getByRole("button", { name: "Fortsæt med min kode" }).click();
  await expect(page.locator("#talk-count")).toHaveText("Du har brugt 1 af 5 anonyme samtaler.");
  await expect(page.getByRole("heading", { name: "Book din næste samtale" })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("Thisted's page links no relatives' booking that cannot be made, and a relatives' page starts at choosing the time", async ({ page }, info) => {
  await open(page, info, "/thisted");
  await expect(page.getByRole("link", { name: "Book en anonym samtale for pårørende" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Læs om støtte til pårørende" })).toHaveAttribute("href", "/thisted/rettigheder/paaroerende");
  await open(page, info, "/ishoj/paaroerende");
  await expect(page.getByRole("heading", { name: /^2\./ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Vælg tid/ })).toBeVisible();
});
