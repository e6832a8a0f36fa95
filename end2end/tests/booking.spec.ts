import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations, jsEnabled, open, watch } from "./helpers";

const TOKEN = /^[0-9A-Z]{3}(-[0-9A-Z]{3}){5}$/;

/** Books the first free in-person slot in Odsherred and returns the token and label shown. */
async function book(page: Page, info: Parameters<typeof open>[1]) {
  await open(page, info, "/odsherred");
  await page.getByRole("link", { name: "Book en anonym afklarende samtale" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Book en anonym afklarende samtale");
  await page.getByRole("link", { name: "Afklarende samtale i Sundhedscenteret" }).click();
  await expect(page.getByRole("heading", { name: /2\. Vælg tid/ })).toBeVisible();
  await page.locator('input[name="tid"]').first().check();
  await page.getByRole("button", { name: "Fortsæt" }).click();
  await expect(page.getByRole("heading", { name: "Det betyder det at være anonym her" })).toBeVisible();
  // What anonymity means, each statement with its source.
  expect(await page.locator("main p.citation").count()).toBeGreaterThanOrEqual(3);
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  await expect(page.locator("main")).toContainText("behandlingsgarantien");
  await expect(page.locator("main")).toContainText("underretningspligt");
  await page.getByRole("button", { name: "Book tiden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  const token = (await page.locator("#token").innerText()).trim();
  const label = (await page.locator("#label").innerText()).trim();
  expect(token).toMatch(TOKEN);
  expect(label).toMatch(/^\p{L}+ \p{L}+ \d{2}$/u);
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  return { token, label };
}

test("book anonymously, get a token, confirm it is saved, then see and cancel the booking with it", async ({ page, context }, info) => {
  const seen = watch(page);
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  const { token, label } = await book(page, info);

  // Leaving the receipt requires "Jeg har gemt min kode".
  await page.getByRole("button", { name: "Færdig" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  await page.getByLabel("Jeg har gemt min kode").check();
  await page.getByRole("button", { name: "Færdig" }).click();
  await expect(page).toHaveURL(/\/odsherred\?gemt=ja$/);

  // Manage with the token, typed sloppily: lower case, spaces instead of dashes.
  await page.goto("/min-aftale");
  await page.getByLabel("Din kode").fill(token.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Se min aftale" }).click();
  await expect(page.locator("main")).toContainText(label);
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // A calendar file with a neutral title, the Copenhagen time zone and a reminder.
  await page.getByLabel("Titel i din kalender").fill("Møde");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Hent kalenderfil" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("aftale.ics");
  const ics = require("fs").readFileSync(await download.path(), "utf8") as string;
  expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen");
  expect(ics).toContain("BEGIN:VALARM");
  expect(ics).toContain("SUMMARY:Møde");
  expect(ics).toMatch(/DTSTART;TZID=Europe\/Copenhagen:\d{8}T\d{6}/);
  expect(ics).not.toContain(token);

  // Move to another free time: same label, new time.
  const before = await page.locator("main dd").first().innerText();
  await page.getByRole("button", { name: "Flyt tiden" }).click();
  await expect(page.getByRole("heading", { name: "Vælg en ny tid" })).toBeVisible();
  await page.locator('input[name="tid"]').nth(1).check();
  await page.getByRole("button", { name: "Flyt til den valgte tid" }).click();
  await expect(page.getByRole("status")).toContainText("Tiden er flyttet til");
  await expect(page.locator("main")).toContainText(label);
  expect(await page.locator("main dd").first().innerText()).not.toBe(before);

  await page.getByRole("button", { name: "Aflys tiden" }).click();
  await expect(page.getByRole("heading", { name: "Vil du aflyse denne tid?" })).toBeVisible();
  await page.getByRole("button", { name: "Ja, aflys tiden" }).click();
  await expect(page.getByRole("status")).toContainText("Tiden er aflyst.");
  await expect(page.locator("main")).toContainText("Der er ingen kommende tider på koden.");

  // The token never appeared in a URL, no cookie was set, nothing left the machine.
  const compact = token.replaceAll("-", "");
  for (const u of urls) {
    expect(u.toUpperCase()).not.toContain(token);
    expect(u.toUpperCase().replaceAll("-", "").replaceAll("+", "").replaceAll("%20", "")).not.toContain(compact);
  }
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("an unknown token gets one neutral message; a mistyped one is told what is wrong", async ({ page }, info) => {
  await open(page, info, "/min-aftale");
  await page.getByLabel("Din kode").fill("ABC");
  await page.getByRole("button", { name: "Se min aftale" }).click();
  await expect(page.locator("#kode-error")).toContainText("Koden skal have 18 tegn");
  // A well-formed token that was never issued: valid check symbol, unknown to the store.
  await page.getByLabel("Din kode").fill("000-000-000-000-000-000");
  await page.getByRole("button", { name: "Se min aftale" }).click();
  await expect(page.locator("#kode-error")).toContainText("Vi kan ikke finde en aftale med den kode");
});

test("the code field is masked and not autocompleted", async ({ page }, info) => {
  await open(page, info, "/min-aftale");
  const field = page.getByLabel("Din kode");
  await expect(field).toHaveAttribute("type", "password");
  await expect(field).toHaveAttribute("autocomplete", "off");
  if (jsEnabled(info)) {
    await page.getByLabel("Vis koden").check();
    await expect(field).toHaveAttribute("type", "text");
  }
});

test("a time that is not offered is refused with a Danish message", async ({ page, request }, info) => {
  test.skip(!jsEnabled(info), "one run is enough: this posts the form directly");
  const r = await request.post("/odsherred/book", {
    form: { samtale: "fremmoede", tid: "2020-01-01T09:00:00+00:00", trin: "book" },
  });
  expect(r.status()).toBe(200);
  expect(await r.text()).toContain("Tiden er allerede gået");
  const garbage = await request.post("/odsherred/book", { form: { samtale: "x", tid: "ikke en tid" } });
  expect(await garbage.text()).toContain("Vælg, hvilken samtale du vil have.");
  const unknown = await request.post("/koebenhavn/book", { form: { samtale: "fremmoede" } });
  expect(unknown.status()).toBe(404);
});
