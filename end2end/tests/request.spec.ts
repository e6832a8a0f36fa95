import { APIRequestContext, expect, Page, test } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { expectNoAxeViolations, jsEnabled, open, watch } from "./helpers";

// The people are shared with scripts/test.sh, which checks that none of them reaches the log.
const DATA = require("./identified-test-data.json") as { people: { name: string; phone: string; email: string }[] };
const [BIRTHE, JOERGEN] = DATA.people;
const REFERENCE = /^H-[2-9A-GJKMNP-TV-Y]{3}-[2-9A-GJKMNP-TV-Y]{3}$/;

type Person = { name: string; phone: string; email: string };

async function fill(page: Page, p: Person, substance: string) {
  await page.getByLabel("Navn", { exact: true }).fill(p.name);
  await page.getByLabel("Telefonnummer", { exact: true }).fill(p.phone);
  await page.getByLabel("E-mail", { exact: true }).fill(p.email);
  await page.getByLabel(substance, { exact: true }).check();
  await page.getByLabel(/^Jeg giver samtykke/).check();
}

async function send(page: Page) {
  await page.getByRole("button", { name: "Send henvendelsen" }).click();
}

/** Posts the form's fields again, as a reload or a second click would. */
async function postAgain(request: APIRequestContext, kommune: string, skema: string, p: Person) {
  const r = await request.post(`/${kommune}/henvendelse`, {
    form: { skema, navn: p.name, telefon: p.phone, email: p.email, rusmiddel: "alkohol", samtykke: "ja" },
  });
  expect(r.status()).toBe(200);
  return r.text();
}

test("an identified request: Danish errors at each field, then a receipt with a reference; the same form sent again files nothing new", async ({ page, context, request }, info) => {
  const seen = watch(page);
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await open(page, info, "/ishoj");
  await page.getByRole("link", { name: "Send en henvendelse om behandling" }).click();
  await expect(page).toHaveURL(/\/ishoj\/henvendelse$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henvendelse om behandling");
  await expect(page.locator("#quick-exit")).toBeVisible();
  // Before sending: the last day if sent today, how Ishøj counts (cited), and the law with its paragraph.
  await expect(page.locator("#guarantee-date")).toContainText("Sender du henvendelsen i dag, skal behandlingen være sat i gang senest");
  await expect(page.locator(".guarantee .citation").first()).toContainText("»Behandlingsgaranti«");
  await expect(page.locator(".guarantee .citation", { hasText: "Sundhedsloven § 141, stk. 2" })).toBeVisible();
  await expect(page.locator("#samtykke-tekst")).toContainText("Ishøj Kommune er dataansvarlig");
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // Nothing filled in: one message per field, in Danish, in a summary that links to each.
  await send(page);
  const summary = page.locator("#error-summary");
  await expect(summary).toContainText("Skriv dit navn.");
  await expect(summary).toContainText("Skriv dit telefonnummer eller din e-mail, så vi kan kontakte dig.");
  await expect(summary).toContainText("Vælg, hvad du vil have behandling for.");
  await expect(summary).toContainText("Sæt kryds ved samtykke");
  await expect(page.locator("#navn-error")).toContainText("Fejl: Skriv dit navn.");
  await expect(page.getByLabel("Navn", { exact: true })).toHaveAttribute("aria-describedby", "navn-error");
  await expect(summary.getByRole("link", { name: "Skriv dit navn." })).toHaveAttribute("href", "#navn");
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // A phone number that is not Danish.
  await fill(page, { ...BIRTHE, phone: "12 34" }, "Alkohol");
  await send(page);
  await expect(page.locator("#telefon-error")).toContainText("Skriv et dansk telefonnummer med 8 cifre");
  await expect(page.getByLabel("Navn", { exact: true })).toHaveValue(BIRTHE.name);

  await fill(page, BIRTHE, "Alkohol");
  await page.getByLabel("Om eftermiddagen").check();
  const skema = await page.locator('input[name="skema"]').inputValue();
  expect(skema).toMatch(/^[0-9a-f]{32}$/);
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har modtaget din henvendelse");
  const reference = (await page.locator("#reference").innerText()).trim();
  expect(reference).toMatch(REFERENCE);
  await expect(page.locator("#guarantee-date")).toContainText("Behandlingen skal være sat i gang senest");
  await expect(page.locator("#sent-before")).toHaveCount(0);
  await expect(page.getByText("Hører du ikke fra os, kan du ringe til Pitstop på 20 69 28 33")).toBeVisible();
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // The same form again (a reload, a double click, twice at once): the first receipt, nothing new.
  const again = await postAgain(request, "ishoj", skema, BIRTHE);
  expect(again).toContain(reference);
  expect(again).toContain("Henvendelsen var allerede sendt");
  const [a, b] = await Promise.all([postAgain(request, "ishoj", skema, BIRTHE), postAgain(request, "ishoj", skema, BIRTHE)]);
  expect(a).toContain(reference);
  expect(b).toContain(reference);

  // Nothing the person typed went into a URL; no cookie; nothing left the machine.
  for (const u of urls) {
    for (const typed of [BIRTHE.name, BIRTHE.email, "Kragelund", "28917346", BIRTHE.phone, reference]) {
      expect(decodeURIComponent(u)).not.toContain(typed);
    }
  }
  expect(await context.cookies()).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("Odsherred counts from attendance and Thisted from the application: no date yet, and why, with the source", async ({ page }, info) => {
  await open(page, info, "/odsherred/henvendelse");
  await expect(page.locator("#guarantee-date")).toHaveCount(0);
  await expect(page.locator("#guarantee-not-yet")).toContainText("Fristen begynder den dag, du møder op.");
  await expect(page.locator(".guarantee .fact", { hasText: "personligt møder op" })).toBeVisible();
  await expect(page.locator(".guarantee .citation").first()).toContainText("Odsherred");

  await open(page, info, "/thisted/henvendelse");
  await expect(page.locator("#guarantee-not-yet")).toContainText("den dag, du sender din ansøgning");
  await expect(page.locator(".scope-notice")).toContainText("kun om behandling for stoffer");
  await expect(page.locator(".guarantee .fact", { hasText: "gælder fristen på 14 dage ikke" })).toBeVisible();
  if (jsEnabled(info)) await expectNoAxeViolations(page);
});

test("an unknown municipality has no request page", async ({ page, request }, info) => {
  const response = await open(page, info, "/koebenhavn/henvendelse");
  expect(response?.status()).toBe(404);
  const posted = await request.post("/koebenhavn/henvendelse", { form: { navn: "x" } });
  expect(posted.status()).toBe(404);
});

/** Every byte of a store in the server's data directory: the database, its WAL and shared memory. */
function storeBytes(dir: string, file: string): Buffer {
  return Buffer.concat(["", "-wal", "-shm"].map((s) => path.join(dir, file + s)).filter((p) => fs.existsSync(p)).map((p) => fs.readFileSync(p)));
}

test("booking anonymously and filing an identified request in the same browser leaves nothing that links the two", async ({ page, context }, info) => {
  // Anonymous first: a clarifying talk in Odsherred.
  await open(page, info, "/odsherred/book");
  await page.getByRole("link", { name: "Afklarende samtale i Sundhedscenteret" }).click();
  await page.locator('input[name="tid"]').first().check();
  await page.getByRole("button", { name: "Fortsæt" }).click();
  await page.getByRole("button", { name: "Book tiden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  const token = (await page.locator("#token").innerText()).trim();
  const label = (await page.locator("#label").innerText()).trim();

  // Then, in the same browser, an identified request to the same municipality.
  await open(page, info, "/odsherred/henvendelse");
  const html = await page.content();
  expect(html).not.toContain(token);
  expect(html).not.toContain(label);
  await fill(page, JOERGEN, "Både alkohol og andre rusmidler");
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har modtaget din henvendelse");
  const reference = (await page.locator("#reference").innerText()).trim();
  expect(await page.content()).not.toContain(token);
  // Nothing in the browser ties them either: no cookie, no storage.
  expect(await context.cookies()).toEqual([]);
  if (jsEnabled(info)) {
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  }

  // The stores' raw files, read as they are on disk (the server writes them to RMP_DATA_DIR).
  const dir = process.env.RMP_DATA_DIR;
  test.skip(!dir, "needs RMP_DATA_DIR of the server under test (scripts/test.sh sets it)");
  const cases = storeBytes(dir!, "cases.sqlite");
  const anonymous = storeBytes(dir!, "anonymous.sqlite");
  // Each store holds its own side (else the checks below would prove nothing).
  expect(cases.includes(JOERGEN.name)).toBe(true);
  expect(cases.includes(reference)).toBe(true);
  expect(anonymous.includes(label)).toBe(true);
  // The case store: no token, in any form, and no label.
  for (const t of [token, token.replaceAll("-", ""), token.replaceAll("-", "").toLowerCase(), label]) {
    expect(cases.includes(t), `case store holds ${t}`).toBe(false);
  }
  // The anonymous store: no name, phone, e-mail or reference, and no plain token.
  for (const s of [JOERGEN.name, "Østergaard", "61472983", JOERGEN.phone, JOERGEN.email, reference, token, token.replaceAll("-", "")]) {
    expect(anonymous.includes(s), `anonymous store holds ${s}`).toBe(false);
  }
});
