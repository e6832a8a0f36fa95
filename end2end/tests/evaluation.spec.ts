import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import { CASE_WORKER, expectNoAxeViolations, jsEnabled, open, separateBrowser, staffSignIn, threeDaysAhead, watch } from "./helpers";
import * as fs from "fs";

/** scripts/test.sh makes these two accounts: Pitstop's counsellor and the admin, for Vallensbæk. */
const COUNSELLOR_VALLENSBAEK = "raadgiver-vallensbaek";
const ADMIN_VALLENSBAEK = "admin-vallensbaek";

/** A counsellor of Vallensbæk makes `n` codes for a moment and reads them off the slips. */
async function makeCodes(page: Page, info: TestInfo, moment: string, n: number): Promise<string[]> {
  await staffSignIn(page, COUNSELLOR_VALLENSBAEK);
  await page.getByRole("link", { name: "Evalueringskoder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evalueringskoder");
  // Staff pages load no script.
  expect(await page.content()).not.toMatch(/\.wasm|\/pkg\/[^"]*\.js/);
  await page.getByLabel("Tidspunkt").selectOption({ label: moment });
  await page.getByLabel("Antal koder").fill(String(n));
  await page.getByRole("button", { name: "Lav koder" }).click();
  await expect(page.getByRole("status")).toHaveText(n === 1 ? "Der er lavet 1 kode." : `Der er lavet ${n} koder.`);
  const slips = page.locator(".slip");
  await expect(slips).toHaveCount(n);
  await expect(slips.first()).toContainText("/vallensbaek/evaluering");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  const codes = await page.locator(".slip .token").allInnerTexts();
  for (const code of codes) expect(code.trim()).toMatch(/^[0-9A-Z]{3}(-[0-9A-Z]{3}){5}$/);
  // The codes are shown once: the same page by GET has none.
  await page.goto("/personale/evaluering");
  await expect(page.locator(".slip")).toHaveCount(0);
  return codes.map((c) => c.trim());
}

/** A citizen in a browser of their own opens the evaluation page from the municipality's page. */
async function citizen(browser: Browser, info: TestInfo) {
  const context = await separateBrowser(browser, info);
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, info, "/vallensbaek");
  await page.getByRole("link", { name: "Har du fået en evalueringskode? Svar anonymt her" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluering og opfølgning");
  return { context, page, seen };
}

async function typeCode(page: Page, code: string) {
  await page.getByLabel("Evalueringskode").fill(code);
  await page.getByRole("button", { name: "Gå til spørgsmålene" }).click();
}

test("a group course is evaluated with a code from a slip, once, anonymously", async ({ page, browser }, info) => {
  const [code, second] = await makeCodes(page, info, "Ved afslutning af et gruppeforløb", 2);
  const { context, page: person, seen } = await citizen(browser, info);
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  // Lower case and without dashes is the same code.
  await typeCode(person, code.replaceAll("-", "").toLowerCase());
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Ved afslutning af et gruppeforløb");
  expect(person.url()).not.toContain(code.replaceAll("-", ""));
  expect(person.url()).toMatch(/\/vallensbaek\/evaluering$/);
  // Each question cites the standard's section that asks it.
  const question = person.getByRole("group", { name: "Hvor tilfreds er du med forløbet og behandlingen?" });
  await expect(question).toContainText("Evaluering af behandling og tilbud");
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  // Nothing chosen: a clear error, and the code still works.
  await person.getByRole("button", { name: "Send mine svar" }).click();
  await expect(person.getByRole("alert")).toContainText("Du har ikke svaret på nogen spørgsmål");
  await question.getByLabel("Tilfreds", { exact: true }).check();
  await person.getByRole("group", { name: "Behandlingen har støttet mig i at nå mine mål." }).getByLabel("Helt enig").check();
  await person.getByRole("button", { name: "Send mine svar" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Tak for dine svar");
  // Used: the same neutral words as a code that never existed.
  await person.goto("/vallensbaek/evaluering");
  await typeCode(person, code);
  await expect(person.getByRole("alert")).toContainText("Koden kan ikke bruges her");
  // Another municipality's page does not take Vallensbæk's code either, with the same words.
  await person.goto("/thisted/evaluering");
  await typeCode(person, second);
  await expect(person.getByRole("alert")).toContainText("Koden kan ikke bruges her");
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
  await context.close();
});

test("a follow-up code before its first point offers the reminders as a calendar file", async ({ page, browser }, info) => {
  const [code] = await makeCodes(page, info, "Opfølgning efter behandling", 1);
  const { context, page: person } = await citizen(browser, info);
  await typeCode(person, code);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Opfølgningen er ikke begyndt endnu");
  await expect(person.locator("main")).toContainText("Din første opfølgning er fra december 2026");
  await expect(person.locator("main")).toContainText("Efter endt behandling laver vi en opfølgning efter hhv. 1 og 6 måneder");
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  const download = person.waitForEvent("download");
  await person.getByRole("button", { name: "Hent påmindelser til min kalender" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("opfoelgning.ics");
  const body = fs.readFileSync(await file.path(), "utf8");
  expect(body.match(/BEGIN:VEVENT/g)?.length).toBe(2);
  expect(body).not.toContain(code);
  expect(body).not.toContain("Pitstop");
  await context.close();
});

test("the admin's report shows the quarter, suppressed counts as skjult with why, the targets cited, and a CSV", async ({ page }, info) => {
  await staffSignIn(page, ADMIN_VALLENSBAEK);
  await page.getByRole("link", { name: "Rapport" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluering og opfølgning: rapport – kvartal 2026-K4");
  expect(await page.content()).not.toMatch(/\.wasm|\/pkg\/[^"]*\.js/);
  await expect(page.getByRole("table", { name: /Ved afslutning af et gruppeforløb – Svarprocent/ })).toBeVisible();
  await expect(page.locator("main")).toContainText("Mindst 50 %");
  await expect(page.locator("main")).toContainText("Måles ikke her");
  await expect(page.locator(".report-table td", { hasText: "skjult" }).first()).toBeVisible();
  await expect(page.locator(".report-table td", { hasText: "< 5" })).toHaveCount(0);
  await expect(page.locator("main")).toContainText("»skjult«: tallet er under 5");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent rapporten som CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("evaluering-vallensbaek-2026-k4.csv");
  const csv = fs.readFileSync(await file.path(), "utf8");
  expect(csv.split("\n")[0]).toContain("Kommune;Kvartal;Tidspunkt");
  expect(csv).toContain("Vallensbæk Kommune;2026-K4;Ved afslutning af et gruppeforløb");
  // Another quarter by its address; a malformed one says so and shows the current.
  await page.goto("/personale/rapport?kvartal=2026-K3");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026-K3");
  await expect(page.locator("main")).toContainText("Ingen koder er udleveret i kvartalet.");
  await page.goto("/personale/rapport?kvartal=sidste");
  await expect(page.getByRole("alert")).toContainText("Kvartalet skal skrives som år og kvartal");
});

test("only the roles that meet people make codes, and only the admin sees the report", async ({ page }) => {
  await staffSignIn(page, COUNSELLOR_VALLENSBAEK);
  await page.goto("/personale/rapport");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
  const csv = await page.request.get("/personale/rapport.csv");
  expect(csv.status()).toBe(403);
  await page.context().clearCookies();
  await staffSignIn(page, ADMIN_VALLENSBAEK);
  await page.goto("/personale/evaluering");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
});

test("the case workers' guarantee figure is a page of its own, from the identified requests alone", async ({ page }, info) => {
  await staffSignIn(page, CASE_WORKER);
  await page.getByRole("link", { name: "Henvendelser" }).click();
  await page.getByRole("link", { name: "Behandlingsgarantien overholdt, pr. kvartal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Behandlingsgarantien overholdt – 2026-K4");
  await expect(page.getByRole("table", { name: "Behandlingsgarantien overholdt – 2026-K4" })).toBeVisible();
  // Odsherred's guarantee, cited; nothing of the anonymous evaluations on the page.
  await expect(page.locator("main")).toContainText("Odsherred Kommunes kvalitetsstandard");
  await expect(page.locator("main")).not.toContainText("Svarprocent");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
});

test("a talk booked with a booking code is evaluated with that code, once, after it is held", async ({ page, browser }, info) => {
  // Pitstop's counsellor opens a slot no weekly rule uses (a minute apart per run).
  await staffSignIn(page, COUNSELLOR_VALLENSBAEK);
  await page.goto("/personale/kalender?sted=pitstop");
  const day = threeDaysAhead();
  const minute = jsEnabled(info) ? "05" : "35";
  await page.getByLabel("Samtale", { exact: true }).selectOption({ label: "Afklarende samtale hos Pitstop" });
  await page.getByLabel("Dato", { exact: true }).fill(day.typed);
  await page.getByLabel("Klokkeslæt").fill(`21:${minute}`);
  await page.getByLabel("Minutter pr. samtale").fill("20");
  await page.getByRole("button", { name: "Åbn tiden" }).click();
  await expect(page.getByRole("status")).toContainText("Tiden er åbnet:");
  const end = `21.${String(Number(minute) + 20).padStart(2, "0")}`;

  // A citizen of Vallensbæk books it in a browser of their own.
  const context = await separateBrowser(browser, info);
  const person = await context.newPage();
  const seen = watch(person);
  await open(person, info, "/vallensbaek/book?samtale=fremmoede");
  await person.getByLabel(`21.${minute}–${end}`, { exact: true }).check();
  await person.getByRole("button", { name: "Fortsæt" }).click();
  await person.getByRole("button", { name: "Book tiden" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  const token = (await person.locator("#token").innerText()).trim();
  const label = (await person.locator("#label").innerText()).trim();

  // Before the talk is held, the code has nothing to evaluate.
  await open(person, info, "/vallensbaek/evaluering");
  await expect(person.locator("main")).toContainText("evaluere den med din bookingkode");
  await person.getByLabel("Evalueringskode eller bookingkode").fill(token);
  await person.getByRole("button", { name: "Gå til spørgsmålene" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Vælg samtalen");
  await expect(person.locator("main")).toContainText("Der er ingen samtale at evaluere med denne kode lige nu.");

  // The counsellor marks it held, by its label.
  await page.goto(`/personale/kalender?sted=pitstop&dag=${day.iso}&visning=dag`);
  const booking = page.locator(`li.staff-booking[data-label="${label}"]`);
  await booking.getByLabel(`Udfald for ${label}`).selectOption({ label: "Rådgivning givet" });
  await booking.getByRole("button", { name: "Holdt", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Samtalen er markeret som holdt.");

  // Now the code lists the talk; its questions cite Vallensbæk's »Monitorering«.
  await open(person, info, "/vallensbaek/evaluering");
  await person.getByLabel("Evalueringskode eller bookingkode").fill(token);
  await person.getByRole("button", { name: "Gå til spørgsmålene" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Vælg samtalen");
  expect(person.url()).toMatch(/\/vallensbaek\/evaluering$/);
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  await person.getByRole("button", { name: "Evaluér samtalen" }).click();
  // The extra slot's own length (20 minutes), not the weekly hours' 60.
  await expect(person.getByRole("heading", { level: 1 })).toContainText(`Afklarende samtale hos Pitstop, `);
  await expect(person.getByRole("heading", { level: 1 })).toContainText(`kl. 21.${minute}–${end}`);
  const satisfied = person.getByRole("group", { name: "Hvor tilfreds er du med samtalen?" });
  await expect(satisfied).toContainText("Monitorering");
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  await satisfied.getByLabel("Meget tilfreds").check();
  await person.getByRole("group", { name: "Samtalen har været til hjælp for mig." }).getByLabel("Enig", { exact: true }).check();
  await person.getByRole("button", { name: "Send mine svar" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Tak for dine svar");
  await expect(person.getByRole("status")).toHaveText("Dine svar er talt med. Samtalen kan ikke evalueres igen.");

  // Once per talk: the code lists nothing more to evaluate, and the booking itself is still there.
  await open(person, info, "/vallensbaek/evaluering");
  await person.getByLabel("Evalueringskode eller bookingkode").fill(token);
  await person.getByRole("button", { name: "Gå til spørgsmålene" }).click();
  await expect(person.locator("main")).toContainText("Der er ingen samtale at evaluere med denne kode lige nu.");
  expect(await person.content()).not.toContain(label);

  // Ishøj's standard asks for no evaluation of a talk: its page says so, and takes slips only.
  await open(person, info, "/ishoj/evaluering");
  await expect(person.locator("main")).toContainText("Ishøj Kommunes kvalitetsstandard beder ikke om en evaluering af de anonyme samtaler");
  await expect(person.getByLabel("Evalueringskode", { exact: true })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
  await context.close();
});
