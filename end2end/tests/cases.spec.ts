import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import * as fs from "fs";
import { CASE_WORKER, COUNSELLOR, expectNoAxeViolations, jsEnabled, personFiles as personFilesIn, serverNow, staffSignIn } from "./helpers";

const DATA = require("./identified-test-data.json") as { people: { name: string; phone: string; email: string }[] };
const PERSON = DATA.people[0];

async function signIn(page: Page, username: string) {
  await staffSignIn(page, username);
  await expect(page.getByText("Logget ind som")).toContainText(username);
}

async function personFiles(browser: Browser, info: TestInfo, kommune: string) {
  return personFilesIn(browser, info, kommune, PERSON);
}

test("a case worker finds a request by its reference, changes its status, exports it and deletes it on request", async ({ page, browser }, info) => {
  const reference = await personFiles(browser, info, "odsherred");
  await signIn(page, CASE_WORKER);
  await page.getByRole("link", { name: "Henvendelser" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henvendelser om behandling");
  const line = page.locator(`.case-line[data-reference="${reference}"]`);
  await expect(line).toContainText(PERSON.name);
  await expect(line).toContainText("Ingen dato endnu: fristen regnes fra personligt fremmøde");
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // The person reads the reference out on the phone; the case worker types it loosely.
  await page.getByLabel("Find en henvendelse ud fra referencenummeret").fill(reference.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("heading", { name: `Henvendelse ${reference}` })).toBeVisible();
  await expect(page.locator("#sag-navn")).toHaveText(PERSON.name);
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  await page.getByLabel("Ny status").selectOption({ label: "Kontaktet" });
  await page.getByRole("button", { name: "Gem status" }).click();
  await expect(page.getByRole("status")).toHaveText("Status er ændret til »Kontaktet«.");
  await expect(page.locator("#sag-status")).toHaveText("Kontaktet");
  await expect(page.locator(".case-history")).toContainText(`${CASE_WORKER} – Status ændret fra »Ny« til »Kontaktet«`);

  // A day that cannot be read is refused at its field and stays there to be corrected.
  const dayField = page.getByLabel("Dagen for fremmøde eller ansøgning");
  await dayField.fill("31.02.2026");
  await page.getByRole("button", { name: "Gem dagen" }).click();
  await expect(page.locator("#dato-fejl")).toContainText("findes ikke");
  await expect(dayField).toHaveValue("31.02.2026");
  await expect(dayField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#sag-frist")).toContainText("Ingen dato endnu");
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // Odsherred counts from attendance: the case worker records the day, and the clock runs.
  const today = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "numeric", year: "numeric" }).format(serverNow());
  await page.getByLabel("Dagen for fremmøde eller ansøgning").fill(today);
  await page.getByRole("button", { name: "Gem dagen" }).click();
  await expect(page.getByRole("status")).toContainText("Behandlingen skal være sat i gang senest");
  await expect(page.locator("#sag-frist")).toContainText("14 dage tilbage");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Hent udtræk til indsigt/ }).click()]);
  expect(download.suggestedFilename()).toBe(`indsigt-${reference}.txt`);
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text).toContain(`Referencenummer: ${reference}`);
  expect(text).toContain(`Navn: ${PERSON.name}`);
  expect(text).toContain(`${CASE_WORKER} – Udtræk til indsigt hentet`);

  await page.getByRole("button", { name: "Slet henvendelsen" }).click();
  await expect(page.locator("#slet-spoergsmaal")).toContainText("Det kan ikke fortrydes");
  await page.getByRole("button", { name: "Ja, slet henvendelsen" }).click();
  await expect(page.getByRole("status")).toHaveText("Henvendelsen og dens historik er slettet.");
  await expect(page.locator(`.case-line[data-reference="${reference}"]`)).toHaveCount(0);
});

test("the case worker's page is refused to a counsellor, to the signed-out and to a POST without the CSRF token", async ({ page, request }, info) => {
  test.skip(!jsEnabled(info), "one run is enough: staff pages load no script");
  const signedOut = await request.get("/personale/sager");
  expect(await signedOut.text()).toContain("Du skal logge ind");
  const post = await request.post("/personale/sager", { form: { handling: "find", reference: "H-2222-222" } });
  expect(post.status()).toBe(401);

  await signIn(page, COUNSELLOR);
  await page.goto("/personale/sager");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
  await expect(page.locator(".case-line")).toHaveCount(0);
  const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
  const base = info.project.use.baseURL!;
  const forbidden = await page.request.post("/personale/sager", { form: { csrf: csrf!, handling: "find", reference: "x" }, headers: { Origin: base } });
  expect(await forbidden.text()).toContain("Ingen adgang");
  await page.getByRole("button", { name: "Log ud" }).click();

  await signIn(page, CASE_WORKER);
  const noToken = await page.request.post("/personale/sager", { form: { csrf: "0".repeat(64), handling: "find", reference: "x" }, headers: { Origin: base } });
  expect(noToken.status()).toBe(403);
  expect(await noToken.text()).toContain("Formularen er udløbet");
  // The staff page loads no script.
  await page.goto("/personale/sager");
  expect(await page.locator("script[src]").count()).toBe(0);
});
