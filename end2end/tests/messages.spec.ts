import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import { expectNoAxeViolations, jsEnabled, open, separateBrowser, staffSignIn, watch } from "./helpers";
import * as fs from "fs";
import * as path from "path";

/** The texts written here; scripts/test.sh checks that none reaches the server log. */
const WORDS = JSON.parse(fs.readFileSync(path.join(__dirname, "message-test-data.json"), "utf8"));

/** scripts/test.sh makes these accounts: Pitstop's counsellor for Vallensbæk, and Odsherred's. */
const COUNSELLOR_VALLENSBAEK = "raadgiver-vallensbaek";
const COUNSELLOR_ODSHERRED = "raadgiver-odsherred";

/** A person, in a browser of their own, writes from the municipality's page and keeps the code. */
async function personWrites(browser: Browser, info: TestInfo, kommune: string, about: string, text: string) {
  const context = await separateBrowser(browser, info);
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, info, `/${kommune}`);
  await page.getByRole("link", { name: "Skriv anonymt til en rådgiver" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv anonymt til en rådgiver");
  // Before writing: the duty to notify, cited, and how long what is written is kept.
  await expect(page.locator("main")).toContainText("§ 153");
  await expect(page.locator("main")).toContainText("slettes 30 dage efter den sidste besked");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  await page.getByLabel(about, { exact: true }).check();
  await page.getByLabel("Din besked").fill(text);
  await page.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din besked er sendt");
  expect(page.url()).toMatch(new RegExp(`/${kommune}/skriv$`));
  const code = (await page.locator("#token").innerText()).trim();
  const label = (await page.locator("#label").innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{3}(-[0-9A-Z]{3}){5}$/);
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  expect(await context.cookies()).toEqual([]);
  return { context, page, seen, code, label };
}

async function readThread(page: Page, info: TestInfo, kommune: string, code: string) {
  await open(page, info, `/${kommune}/skriv`);
  await page.getByLabel("Din kode", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Læs mine beskeder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine beskeder");
}

/** The counsellor opens the inbox, finds the thread by its label (never the code) and answers. */
async function counsellorAnswers(page: Page, username: string, label: string, code: string, answer: string) {
  await staffSignIn(page, username);
  await page.getByRole("link", { name: "Beskeder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anonyme beskeder");
  expect(await page.content()).not.toMatch(/\.wasm|\/pkg\/[^"]*\.js/);
  const row = page.locator(`tr[data-label="${label}"]`);
  await expect(row).toContainText("Venter på svar");
  await row.getByRole("link", { name: label }).click();
  await expect(page.getByRole("heading", { level: 2, name: label })).toBeVisible();
  expect(await page.content()).not.toContain(code);
  const reply = page.getByLabel("Dit svar");
  // The template points to booking and to the phone.
  await expect(reply).toHaveValue(/book/);
  await reply.fill(answer);
  await page.getByRole("button", { name: "Send svaret" }).click();
  await expect(page.getByRole("status")).toContainText("Svaret er sendt");
}

test("a person writes, a counsellor answers, and the person reads it, writes again and deletes it all", async ({ page, browser }, info) => {
  const asked: string = WORDS.person;
  const { context, page: person, seen, code, label } = await personWrites(browser, info, "vallensbaek", "Mig selv", asked);
  await counsellorAnswers(page, COUNSELLOR_VALLENSBAEK, label, code, WORDS.answer);
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  await readThread(person, info, "vallensbaek", code);
  const bodies = person.locator(".message-body");
  await expect(bodies).toHaveCount(2);
  // Markup is shown as written, never rendered.
  await expect(bodies.nth(0)).toHaveText(asked);
  await expect(bodies.nth(1)).toHaveText(WORDS.answer);
  await expect(person.locator(".message-body b, .message-body i")).toHaveCount(0);
  expect(person.url()).not.toContain(code.replaceAll("-", ""));
  if (jsEnabled(info)) await expectNoAxeViolations(person);

  await person.getByLabel("Skriv igen").fill(WORDS.again);
  await person.getByRole("button", { name: "Send beskeden" }).click();
  await expect(person.getByRole("status")).toHaveText("Din besked er sendt.");
  await expect(person.locator(".message-body")).toHaveCount(3);

  await person.getByRole("button", { name: "Slet hele tråden" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Vil du slette hele tråden?");
  await person.getByRole("button", { name: "Ja, slet tråden" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Tråden er slettet");

  // Gone for both: the code finds nothing, the inbox lists nothing by that label.
  await open(person, info, "/vallensbaek/skriv");
  await person.getByLabel("Din kode", { exact: true }).fill(code);
  await person.getByRole("button", { name: "Læs mine beskeder" }).click();
  await expect(person.locator("main")).toContainText("Der er ingen beskeder til denne kode her.");
  await page.goto("/personale/beskeder");
  await expect(page.locator(`tr[data-label="${label}"]`)).toHaveCount(0);
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
  await context.close();
});

test("a relative writes, the counsellor answers and closes, and the relative reads it and deletes it", async ({ page, browser }, info) => {
  const { context, page: person, seen, code, label } = await personWrites(browser, info, "odsherred", "En jeg er pårørende til", WORDS.relative);
  await counsellorAnswers(page, COUNSELLOR_ODSHERRED, label, code, WORDS.relativeAnswer);
  await page.getByRole("button", { name: "Luk tråden" }).click();
  await expect(page.getByRole("status")).toHaveText("Tråden er lukket.");
  // Pitstop's counsellor does not see Odsherred's thread.
  await page.getByRole("button", { name: "Log ud" }).click();
  await staffSignIn(page, COUNSELLOR_VALLENSBAEK);
  await page.goto("/personale/beskeder");
  await expect(page.locator(`tr[data-label="${label}"]`)).toHaveCount(0);
  await page.goto(`/personale/beskeder?traad=${encodeURIComponent(label)}`);
  await expect(page.getByRole("alert")).toContainText("Tråden findes ikke blandt dine steders tråde");

  await readThread(person, info, "odsherred", code);
  await expect(person.locator(".message-body")).toHaveCount(2);
  await expect(person.locator("main")).toContainText("Rådgiveren har lukket tråden");
  await expect(person.getByLabel("Skriv igen")).toHaveCount(0);
  if (jsEnabled(info)) await expectNoAxeViolations(person);
  await person.getByRole("button", { name: "Slet hele tråden" }).click();
  await person.getByRole("button", { name: "Ja, slet tråden" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Tråden er slettet");
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
  await context.close();
});

test("malformed messages get clear Danish answers and never a server error", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "one run is enough: these are requests, not a browser's view");
  const base = info.project.use.baseURL!;
  const form = (body: string) => ({ handling: "send", sted: "pitstop", om: "mig-selv", besked: body });
  const cases: [Record<string, string>, string][] = [
    [form(""), "Skriv en besked, før du sender."],
    [form(" \n\t "), "Skriv en besked, før du sender."],
    [form("x".repeat(2001)), "Beskeden er for lang: højst 2.000 tegn."],
    [form("æ".repeat(2001)), "Beskeden er for lang: højst 2.000 tegn."],
    [form("PNG\u0000\u0001\u0002"), "tegn, der ikke er tekst"],
    [form("<script>alert(1)</script>"), "Beskeden indeholder kode"],
    [form("<img src=x onerror=alert(1)> javascript:alert(1)"), "Beskeden indeholder kode"],
    [{ ...form("hej"), sted: "rusmiddelteamet-odsherred" }, "Vælg, hvem du vil skrive til."],
    [{ ...form("hej"), om: "nogen" }, "Vælg, om du skriver om dig selv eller som pårørende."],
    [{ ...form("hej"), kode: "ikke-en-kode" }, "Koden skal have 18 tegn"],
    [{ handling: "aabn", kode: "7KQ" }, "Koden skal have 18 tegn"],
    [{ handling: "aabn" }, "Skriv din kode."],
    [{ handling: "slet", kode: "AAA-AAA-AAA-AAA-AAA-AAA" }, "Koden"],
    [{ handling: "noget-andet" }, "Skriv din kode."],
  ];
  for (const [fields, words] of cases) {
    const response = await page.request.post("/vallensbaek/skriv", { form: fields, headers: { Origin: base } });
    expect(response.status(), JSON.stringify(fields)).toBe(200);
    const html = await response.text();
    expect(html.includes(words) || html.includes(words.replaceAll("<", "&lt;")), `${JSON.stringify(fields).slice(0, 80)}: ${words}`).toBe(true);
  }
  // A body bigger than any message, and one that is no form at all: answers, not 5xx.
  const huge = await page.request.post("/vallensbaek/skriv", { form: form("x".repeat(40_000)), headers: { Origin: base } });
  expect(huge.status()).toBeLessThan(500);
  const notAForm = await page.request.post("/vallensbaek/skriv", { data: Buffer.from([0, 159, 146, 150]), headers: { "Content-Type": "application/octet-stream", Origin: base } });
  expect(notAForm.status()).toBeLessThan(500);
  // Thisted takes no messages: 404, in Danish.
  const thisted = await page.request.get("/thisted/skriv");
  expect(thisted.status()).toBe(404);
});
