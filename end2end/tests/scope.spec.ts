import { expect, Page, test } from "@playwright/test";
import { COUNSELLOR, open, personFiles, separateBrowser, staffSignIn } from "./helpers";

// Each municipality is its own data controller: staff reach only their own municipality's
// requests, and a counsellor only their own sites' calendars. Another municipality's request or
// booking answers exactly like one that does not exist. (The accounts are made by scripts/test.sh.)
const ISHOJ_CASE_WORKER = "sagsbehandler-ishoj";
const THISTED_CASE_WORKER = "sagsbehandler-thisted";
const ODSHERRED_COUNSELLOR = "raadgiver-odsherred";

const DATA = require("./identified-test-data.json") as { people: { name: string; phone: string; email: string }[] };
const PERSON = DATA.people[1] ?? DATA.people[0];

async function csrfOf(page: Page): Promise<string> {
  return (await page.locator('input[name="csrf"]').first().getAttribute("value"))!;
}

test("a Thisted case worker cannot reach an Ishøj request by the list, by its reference or by its id", async ({ page, browser }, info) => {
  const reference = await personFiles(browser, info, "ishoj", PERSON);
  const base = info.project.use.baseURL!;

  // Ishøj's case worker finds it, and so learns its id.
  await staffSignIn(page, ISHOJ_CASE_WORKER);
  await page.goto("/personale/sager");
  const line = page.locator(`.case-line[data-reference="${reference}"]`);
  await expect(line).toContainText(PERSON.name);
  const href = await line.getByRole("link").getAttribute("href");
  const id = new URL(href!, base).searchParams.get("sag")!;
  expect(id).toMatch(/^\d+$/);
  await page.getByRole("button", { name: "Log ud" }).click();

  await staffSignIn(page, THISTED_CASE_WORKER);
  await page.goto("/personale/sager");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henvendelser om behandling");
  await expect(page.locator(`.case-line[data-reference="${reference}"]`)).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(PERSON.name);

  // Searching its reference answers as for a reference never issued.
  const search = async (ref: string) => {
    await page.getByLabel("Find en henvendelse ud fra referencenummeret").fill(ref);
    await page.getByRole("button", { name: "Find" }).click();
    return (await page.getByRole("alert").innerText()).trim();
  };
  const forIshoj = await search(reference);
  const forNobody = await search("H-222-222");
  expect(forIshoj).toContain("Ingen henvendelse har det referencenummer");
  expect(forIshoj).toBe(forNobody);
  await expect(page.locator("main")).not.toContainText(PERSON.name);

  // Opening or changing it by its id answers as for an id never issued; nothing changes.
  const openById = async (sag: string) => {
    await page.goto(`/personale/sager?sag=${sag}`);
    return (await page.locator("main").innerText()).replace(/\s+/g, " ");
  };
  expect(await openById(id)).toBe(await openById("987654"));
  const csrf = await csrfOf(page);
  const post = async (sag: string) => {
    const r = await page.request.post("/personale/sager", { form: { csrf, handling: "status", sag, status: "closed" }, headers: { Origin: base } });
    expect(r.status()).toBe(200);
    const html = await r.text();
    expect(html).toContain("Henvendelsen findes ikke. Den kan være slettet.");
    expect(html).not.toContain(PERSON.name);
    expect(html).not.toContain(reference);
  };
  await post(id);
  await post("987654");
  for (const handling of ["eksport", "slet"]) {
    const r = await page.request.post("/personale/sager", { form: { csrf, handling, sag: id }, headers: { Origin: base } });
    expect(await r.text()).toContain("Henvendelsen findes ikke. Den kan være slettet.");
  }
  await page.getByRole("button", { name: "Log ud" }).click();

  await staffSignIn(page, ISHOJ_CASE_WORKER);
  await page.goto(`/personale/sager?sag=${id}`);
  await expect(page.locator("#sag-status")).toHaveText("Ny");
  await expect(page.locator(".case-history")).not.toContainText(THISTED_CASE_WORKER);
});

test("an Odsherred counsellor cannot open or change Pitstop's calendar", async ({ page, browser }, info) => {
  const base = info.project.use.baseURL!;
  // A citizen books a talk at Pitstop (Ishøj).
  const context = await separateBrowser(browser, info);
  const citizen = await context.newPage();
  await open(citizen, info, "/ishoj/book?samtale=telefon");
  await citizen.locator('input[name="tid"]').first().check();
  await citizen.getByRole("button", { name: "Fortsæt" }).click();
  await citizen.getByRole("button", { name: "Book tiden" }).click();
  const label = (await citizen.locator("#label").innerText()).trim();
  await context.close();

  // Pitstop's counsellor sees it and learns its booking id.
  await staffSignIn(page, COUNSELLOR);
  await page.goto("/personale/kalender?sted=pitstop&visning=uge");
  let booking = page.locator(`.staff-booking[data-label="${label}"]`);
  for (let week = 0; week < 5 && (await booking.count()) === 0; week++) {
    await page.getByRole("link", { name: "Næste uge" }).click();
    booking = page.locator(`.staff-booking[data-label="${label}"]`);
  }
  await expect(booking).toHaveCount(1);
  const bookingId = (await booking.locator('input[name="booking"]').first().getAttribute("value"))!;
  const calendarUrl = page.url();
  await page.getByRole("button", { name: "Log ud" }).click();

  // Odsherred's counsellor asking for Pitstop is shown their own site, and only it.
  await staffSignIn(page, ODSHERRED_COUNSELLOR);
  await page.goto(calendarUrl.replace(base, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kalender – Rusmiddelteamet");
  await expect(page.locator(`.staff-booking[data-label="${label}"]`)).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("Pitstop");
  // Marking Pitstop's booking by its id changes nothing, and says no more than for a made-up id.
  const csrf = await csrfOf(page);
  for (const booking of [bookingId, "987654"]) {
    const r = await page.request.post("/personale/kalender", {
      form: { csrf, sted: "pitstop", booking, handling: "aflys" },
      headers: { Origin: base },
    });
    expect(r.status()).toBe(200);
    const html = await r.text();
    expect(html).toContain("Den findes ikke (længere). Indlæs siden igen.");
    expect(html).not.toContain(label);
  }
  await page.getByRole("button", { name: "Log ud" }).click();

  await staffSignIn(page, COUNSELLOR);
  await page.goto(calendarUrl.replace(base, ""));
  await expect(page.locator(`.staff-booking[data-label="${label}"] .staff-status`)).toHaveText("Booket");
});
