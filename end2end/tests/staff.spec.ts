import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import { ADMIN, CASE_WORKER, COUNSELLOR, expectNoAxeViolations, jsEnabled, open, separateBrowser, staffSignIn, threeDaysAhead, watch } from "./helpers";

/** Staff pages are server-rendered only and load no script, so there is no hydration to wait for. */
async function go(page: Page, _info: TestInfo, path: string) {
  return page.goto(path);
}


async function citizenBooks(browser: Browser, info: TestInfo, slotLabel: string) {
  // A second, separate browser: the citizen shares nothing with the counsellor.
  const context = await separateBrowser(browser, info);
  const page = await context.newPage();
  await open(page, info, "/ishoj/book?samtale=fremmoede");
  await page.getByLabel(slotLabel, { exact: true }).check();
  await page.getByRole("button", { name: "Fortsæt" }).click();
  await page.getByRole("button", { name: "Book tiden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  const token = (await page.locator("#token").innerText()).trim();
  const label = (await page.locator("#label").innerText()).trim();
  expect(await context.cookies()).toEqual([]);
  await context.close();
  return { token, label };
}

test("a counsellor signs in, opens a slot, a citizen books it, and the counsellor marks it held", async ({ page, browser, context }, info) => {
  const seen = watch(page);
  await staffSignIn(page, COUNSELLOR);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personale");
  await expect(page.getByText("Logget ind som")).toContainText(COUNSELLOR);
  // The session cookie: HttpOnly and SameSite=Strict.
  const cookie = (await context.cookies()).find((c) => c.name === "rmp_personale");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Strict");

  // No script on staff pages: nothing to hydrate, nothing of the staff side in the citizens' WASM.
  expect(await page.content()).not.toMatch(/\.wasm|\/pkg\/[^"]*\.js/);
  await page.getByRole("link", { name: "Kalender" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kalender – Pitstop");
  expect(await page.content()).not.toMatch(/\.wasm|\/pkg\/[^"]*\.js/);
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // Open an extra slot at a time no weekly rule uses (a minute apart per run).
  const day = threeDaysAhead();
  const minute = jsEnabled(info) ? "10" : "25";
  await page.getByLabel("Samtale", { exact: true }).selectOption({ label: "Afklarende samtale hos Pitstop" });
  await page.getByLabel("Dato", { exact: true }).fill(day.typed);
  await page.getByLabel("Klokkeslæt").fill(`22:${minute}`);
  await page.getByLabel("Minutter pr. samtale").fill("45");
  await page.getByRole("button", { name: "Åbn tiden" }).click();
  const end = `${String(22 + Math.floor((Number(minute) + 45) / 60)).padStart(2, "0")}.${String((Number(minute) + 45) % 60).padStart(2, "0")}`;
  await expect(page.getByRole("status")).toContainText(`Tiden er åbnet:`);
  await expect(page.getByRole("status")).toContainText(`kl. 22.${minute}–${end}`);
  const { token, label } = await citizenBooks(browser, info, `22.${minute}–${end}`);

  // The counsellor's day view shows the label, never the token.
  await go(page, info, `/personale/kalender?sted=pitstop&dag=${day.iso}&visning=dag`);
  const booking = page.locator(`li.staff-booking[data-label="${label}"]`);
  await expect(booking).toContainText(`22.${minute}`);
  await expect(booking.locator(".staff-status")).toHaveText("Booket");
  expect(await page.content()).not.toContain(token);
  await booking.getByLabel(`Udfald for ${label}`).selectOption({ label: "Rådgivning givet" });
  await booking.getByRole("button", { name: "Holdt", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Samtalen er markeret som holdt.");
  await expect(page.locator(`li.staff-booking[data-label="${label}"] .staff-status`)).toHaveText("Holdt (rådgivning givet)");
  if (jsEnabled(info)) await expectNoAxeViolations(page);

  // The week view lists it too.
  await page.getByRole("link", { name: "Vis hele ugen" }).click();
  await expect(page.locator(`li.staff-booking[data-label="${label}"]`)).toBeVisible();

  // Sign out: the session is gone.
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect(page.getByRole("button", { name: "Log ind" })).toBeVisible();
  await go(page, info, "/personale/kalender");
  await expect(page.getByText("Du skal logge ind for at se siden.")).toBeVisible();
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("a wrong password is refused in Danish and keeps the username", async ({ page, context }, info) => {
  await staffSignIn(page, COUNSELLOR, "forkert-adgangskode");
  await expect(page.locator("#log-ind-fejl")).toHaveText("Brugernavnet eller adgangskoden er forkert, eller kontoen er deaktiveret.");
  await expect(page.getByLabel("Brugernavn")).toHaveValue(COUNSELLOR);
  expect(await context.cookies()).toEqual([]);
  if (jsEnabled(info)) await expectNoAxeViolations(page);
});

test("each role sees only its own pages", async ({ page }, info) => {
  await staffSignIn(page, ADMIN);
  await go(page, info, "/personale/kalender");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
  await expect(page.locator(".staff-booking")).toHaveCount(0);
  await go(page, info, "/personale/konti");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Konti");
  // Odsherred's admin sees Odsherred's accounts only: its counsellor, not Pitstop's (Ishøj).
  await expect(page.getByRole("cell", { name: "raadgiver-odsherred", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: COUNSELLOR, exact: true })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "sagsbehandler-thisted", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Log ud" }).click();
  await staffSignIn(page, COUNSELLOR);
  for (const path of ["/personale/konti", "/personale/aabningstider"]) {
    await go(page, info, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
  }

  await page.getByRole("button", { name: "Log ud" }).click();
  await staffSignIn(page, CASE_WORKER);
  await go(page, info, "/personale/kalender");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
});

test("a staff POST without the session's CSRF token, or from another site, changes nothing", async ({ page }, info) => {
  await staffSignIn(page, COUNSELLOR);
  await go(page, info, "/personale/kalender?sted=pitstop");
  const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
  expect(csrf).toMatch(/^[0-9a-f]{64}$/);
  const day = threeDaysAhead();
  const form = { sted: "pitstop", handling: "aabn-tid", samtale: "telefon", dato: day.typed, kl: "23:40", minutter: "15", pladser: "1" };
  const base = info.project.use.baseURL!;

  const noToken = await page.request.post("/personale/kalender", { form: { ...form, csrf: "0".repeat(64) }, headers: { Origin: base } });
  expect(noToken.status()).toBe(403);
  expect(await noToken.text()).toContain("Formularen er udløbet");
  const crossSite = await page.request.post("/personale/kalender", { form: { ...form, csrf: csrf! }, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  await go(page, info, "/personale/kalender?sted=pitstop");
  await expect(page.locator("main")).not.toContainText("kl. 23.40");

  const honest = await page.request.post("/personale/kalender", { form: { ...form, csrf: csrf! }, headers: { Origin: base } });
  expect(honest.status()).toBe(200);
  expect(await honest.text()).toContain("Tiden er åbnet");
  // Tidy up, so the JS and no-JS runs start alike.
  await go(page, info, "/personale/kalender?sted=pitstop");
  await page.getByRole("button", { name: /^Fjern .*kl\. 23\.40/ }).click();
  await expect(page.getByRole("status")).toHaveText("Den ekstra tid er fjernet.");
});

test("an admin sees the opening hours form, gets Danish errors for bad input, and saves", async ({ page }, info) => {
  await staffSignIn(page, ADMIN);
  await go(page, info, "/personale/aabningstider?sted=rusmiddelteamet-odsherred&samtale=telefon");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Åbningstider – Rusmiddelteamet");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  // The seeded example: closed on every public holiday (computed for any year) and on 24.12 and
  // 31.12, with no one-off dates.
  const holidays = page.getByLabel(/^Lukket på helligdage/);
  const everyYear = page.getByLabel("Lukket hvert år");
  const closed = page.getByLabel("Lukkedage");
  await expect(holidays).toBeChecked();
  await expect(everyYear).toHaveValue("24.12\n31.12");
  await expect(closed).toHaveValue("");
  await closed.fill("2.1.2027\njuleaften");
  await everyYear.fill("24.12\n31.12\n30.02");
  await page.getByRole("button", { name: "Gem åbningstiderne" }).click();
  await expect(page.getByRole("alert")).toContainText("Lukkedagen »juleaften« er ikke en dato. Skriv fx 24.12.2026.");
  await expect(page.getByRole("alert")).toContainText("Den årlige lukkedag »30.02« er ikke en dag og en måned. Skriv fx 24.12.");
  await expect(page.getByLabel("Lukkedage")).toHaveValue("2.1.2027\njuleaften");
  await expect(page.getByLabel("Lukket hvert år")).toHaveValue("24.12\n31.12\n30.02");
  if (jsEnabled(info)) await expectNoAxeViolations(page);
  await page.getByLabel("Lukkedage").fill("");
  await page.getByLabel("Lukket hvert år").fill("24.12\n31.12");
  await page.getByRole("button", { name: "Gem åbningstiderne" }).click();
  await expect(page.getByRole("status")).toHaveText("Åbningstiderne er gemt og gælder fra nu.");
  await expect(page.getByLabel(/^Lukket på helligdage/)).toBeChecked();
  await expect(page.getByLabel("Lukket hvert år")).toHaveValue("24.12\n31.12");
});
