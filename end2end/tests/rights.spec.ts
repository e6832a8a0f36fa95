import { expect, Page, test } from "@playwright/test";
import { KOMMUNER, jsEnabled, open, serverNow, watch } from "./helpers";

const TOPICS = ["behandlingsgaranti", "frit-valg", "anonymitet", "klage", "betaling", "paaroerende", "boern-i-familien"];

/** A date as the portal writes it: "mandag den 7. december 2026". */
function danishDate(d: Date): string {
  const days = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];
  const months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
  return `${days[d.getDay()]} den ${d.getDate()}. ${months[d.getMonth()]} ${d.getFullYear()}`;
}

/** The server's today in Copenhagen, moved by `days`, as a local calendar date. */
function copenhagenDay(days: number): Date {
  const today = serverNow().toLocaleDateString("en-CA", { timeZone: "Europe/Copenhagen" }); // YYYY-MM-DD
  const [y, m, d] = today.split("-").map(Number);
  return new Date(y, m - 1, d + days);
}

function typed(d: Date): string {
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
}

async function expectEveryFactCited(page: Page) {
  const facts = page.locator("main p.fact");
  const citations = page.locator("main p.citation");
  expect(await facts.count()).toBeGreaterThan(0);
  expect(await citations.count()).toBe(await facts.count());
}

for (const k of KOMMUNER) {
  test(`${k.slug}: the rights overview leads to the guide, the calculator and every topic`, async ({ page }, info) => {
    const seen = watch(page);
    expect((await open(page, info, `/${k.slug}`))?.status()).toBe(200);
    await page.getByRole("link", { name: /^Dine rettigheder:/ }).click();
    await expect(page).toHaveURL(new RegExp(`/${k.slug}/rettigheder$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dine rettigheder");
    await expect(page.getByRole("link", { name: /Hvad gælder for mig/ })).toHaveAttribute("href", `/${k.slug}/rettigheder/guide`);
    await expect(page.getByRole("link", { name: /Beregn din frist/ })).toHaveAttribute("href", `/${k.slug}/rettigheder/frister`);
    for (const topic of TOPICS) {
      await expect(page.locator(`a[href="/${k.slug}/rettigheder/${topic}"]`).first()).toBeVisible();
    }
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test(`${k.slug}: each topic page shows the municipality's rules and the law, every fact cited`, async ({ page }, info) => {
    for (const topic of TOPICS) {
      const response = await open(page, info, `/${k.slug}/rettigheder/${topic}`);
      expect(response?.status(), topic).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(k.name.replace(" Kommune", ""));
      await expectEveryFactCited(page);
      await expect(page.getByRole("heading", { name: "Kilder på denne side" })).toBeVisible();
    }
  });
}

test("an unknown topic is a Danish 404", async ({ page }, info) => {
  const response = await open(page, info, "/ishoj/rettigheder/skat");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
});

test("the guide, one question per screen: a 17-year-old in Thisted learns why anonymity is closed", async ({ page }, info) => {
  const seen = watch(page);
  await open(page, info, "/thisted/rettigheder/guide");
  await expect(page.getByText("Spørgsmål 1 af 7")).toBeVisible();
  await page.getByLabel("Jeg bruger selv alkohol eller andre rusmidler").check();
  await page.getByRole("button", { name: "Næste" }).click();
  await expect(page.getByText("Spørgsmål 2 af 7")).toBeVisible();
  await page.getByLabel("Andre rusmidler, fx hash, kokain eller piller").check();
  await page.getByRole("button", { name: "Næste" }).click();
  // A typing error is caught on its own screen, in Danish, and the other answers are kept.
  await page.getByLabel("Hvor gammel er du?").fill("1o");
  await page.getByRole("button", { name: "Næste" }).click();
  await expect(page.getByText("Spørgsmål 3 af 7")).toBeVisible();
  await expect(page.locator(".form-error-message")).toContainText("Skriv alderen med tal, fx 17.");
  await expect(page.getByLabel("Hvor gammel er du?")).toHaveValue("1o");
  await page.getByLabel("Hvor gammel er du?").fill("17");
  await page.getByRole("button", { name: "Næste" }).click();
  await expect(page.getByText("Spørgsmål 4 af 7")).toBeVisible();
  await page.getByLabel("Ja").check();
  await page.getByRole("button", { name: "Næste" }).click();
  await page.getByRole("link", { name: "Spring spørgsmålet over" }).click();
  await expect(page.getByText("Spørgsmål 6 af 7")).toBeVisible();
  await page.getByRole("link", { name: "Se resultatet nu" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dit resultat");
  await expect(page).toHaveURL(/rolle=selv/);
  await expect(page).toHaveURL(/alder=17/);
  await expect(page.locator(".answers")).toContainText("17 år");
  // What does not apply is folded away under its own summary; opened, each rule says why, in
  // words about the answer given.
  const notApply = page.locator("#not-apply");
  await notApply.locator("summary").click();
  const anonymity = notApply.locator("#thisted-anonymitet-101a-over-18");
  await expect(anonymity.locator(".rule-reason")).toHaveText("Gælder kun fra 18 år. Du har svaret »17 år« til »Hvor gammel er du?«.");
  // The law's anonymous treatment is limited by Thisted's age limit, and says so.
  await expect(notApply.locator("#faelles-sel101a-anonym-behandling .rule-reason"))
    .toContainText("Gælder kun sammen med reglen »Anonym behandling: over 18 år og ingen andre problemer«");
  await expect(anonymity.locator(".citation")).toContainText("Thisted Kommunes kvalitetsstandard");
  await expect(anonymity.locator(".citation")).toContainText("Serviceloven § 101a");
  // Anonymity is closed to them here, so the guide does not offer the anonymous booking.
  const next = page.locator(".next-steps");
  await expect(next.getByRole("link", { name: "Book en anonym afklarende samtale" })).toHaveCount(0);
  await expect(next.getByRole("link", { name: /Kontakt/ })).toHaveAttribute("href", "/thisted");
  // What was skipped is listed as "may apply", with the question it depends on.
  const mayApply = page.locator("#may-apply");
  await expect(mayApply.locator("summary")).toContainText("Det kan gælde");
  await mayApply.locator("summary").click();
  await expect(mayApply.locator(".rule-reason", { hasText: "Afhænger af: anden hjælp fra kommunen" }).first()).toBeVisible();
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("the guide tells a relative in Ishøj about the five anonymous talks and what comes after", async ({ page }, info) => {
  await open(page, info, "/ishoj/rettigheder/guide");
  await page.getByLabel("Jeg er pårørende til en, der gør").check();
  await page.getByRole("button", { name: "Næste" }).click();
  await expect(page.getByRole("group", { name: "Hvad bruger personen?" })).toBeVisible();
  await page.getByRole("link", { name: "Se resultatet nu" }).click();
  const forRelative = page.locator("#for-relative");
  await expect(forRelative.locator("summary")).toContainText("Det gælder for dig som pårørende");
  await expect(forRelative.locator(".rule", { hasText: "Op til 5 anonyme samtaler for pårørende" })).toBeVisible();
  await expect(forRelative.locator(".rule", { hasText: "pårørendeforløb uden anonymitet" })).toContainText("kan ikke længere være anonym");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resultat for den, du er pårørende til");
  // Ishøj offers relatives' talks: the first step books one.
  await expect(page.locator(".next-steps").getByRole("link", { name: "Book en anonym samtale for pårørende" })).toHaveAttribute("href", "/ishoj/paaroerende");
});

test("the guide's answers can be changed from the result", async ({ page }, info) => {
  await open(page, info, "/odsherred/rettigheder/guide?rolle=selv&rusmiddel=alkohol&anonym=ja&trin=resultat");
  // Anonymity through an alcohol course holds unless there is medicine too (left unanswered), so
  // the rule may apply: it stands in the folded "may apply" list.
  const mayApply = page.locator("#may-apply");
  await mayApply.locator("summary").click();
  await expect(mayApply.locator(".rule", { hasText: "Alkoholbehandling: anonym gennem hele forløbet" })).toBeVisible();
  await page.getByRole("link", { name: /^Ret\s*: rusmiddel$/ }).click();
  await expect(page.getByText("Spørgsmål 2 af 7")).toBeVisible();
  await expect(page.getByLabel("Alkohol", { exact: true })).toBeChecked();
  await page.getByLabel("Andre rusmidler, fx hash, kokain eller piller").check();
  await page.getByRole("button", { name: "Næste" }).click();
  await page.getByRole("link", { name: "Se resultatet nu" }).click();
  const notApply = page.locator("#not-apply");
  await notApply.locator("summary").click();
  await expect(notApply.locator(".rule", { hasText: "De 14 dage regnes fra dit personlige fremmøde" }).locator(".rule-reason"))
    .toHaveText("Gælder ikke for dig, fordi du har svaret »Andre rusmidler, fx hash, kokain eller piller« til »Hvad bruger du?« og »Ja« til »Vil du være anonym?«.");
});

test("the calculator counts Odsherred's guarantee from attendance and says it gives no complaint deadline", async ({ page }, info) => {
  await open(page, info, "/odsherred/rettigheder/frister");
  await expect(page.getByText("du personligt møder op og siger, at du ønsker behandling", { exact: false }).first()).toBeVisible();
  // A sentence no quote supports is not said (issue 37): the standard names attendance, not calls or mail.
  await expect(page.getByText("En opringning eller en mail starter ikke fristen her.")).toHaveCount(0);
  const attended = copenhagenDay(-3);
  await page.getByLabel("Hvornår mødte du personligt op og sagde, at du ønsker behandling?").fill(typed(attended));
  await page.getByRole("button", { name: "Beregn" }).click();
  const answer = page.locator(".deadline-answer");
  const last = new Date(attended.getFullYear(), attended.getMonth(), attended.getDate() + 14);
  await expect(answer).toContainText(`Behandlingen skal være sat i gang senest ${danishDate(last)}.`);
  await expect(answer).toContainText("Det er om 11 dage.");
  await expect(answer.locator(".citation")).toContainText("»Behandlingsgaranti«");
  await expect(page.getByText("nævner ingen frist for at klage")).toBeVisible();
});

test("the calculator gives Thisted's 28-day complaint deadline, keeps both answers and refuses a bad date", async ({ page }, info) => {
  await open(page, info, "/thisted/rettigheder/frister");
  const decided = copenhagenDay(-30);
  await page.getByLabel("Hvilken dato har afgørelsen?").fill(typed(decided));
  await page.getByRole("button", { name: "Beregn" }).nth(1).click();
  const last = new Date(decided.getFullYear(), decided.getMonth(), decided.getDate() + 28);
  await expect(page.locator(".deadline-answer")).toContainText(`Thisted Kommune skal have modtaget din klage senest ${danishDate(last)}`);
  await expect(page.locator(".deadline-answer")).toContainText("Fristen udløb for 2 dage siden.");
  await expect(page.getByText("Ingen frist for klager over personalet og klager over aktindsigt.")).toBeVisible();
  // The guarantee form carries the complaint date along, so both answers stay on the page.
  await page.getByLabel("Hvornår sendte du din ansøgning om behandling?").fill("31.02.2026");
  await page.getByRole("button", { name: "Beregn" }).first().click();
  await expect(page.locator(".form-error-message")).toContainText("Den dato findes ikke. Tjek dag og måned.");
  await expect(page.getByLabel("Hvornår sendte du din ansøgning om behandling?")).toHaveValue("31.02.2026");
  await expect(page.locator(".deadline-answer")).toContainText("Thisted Kommune skal have modtaget din klage senest");
  if (!jsEnabled(info)) {
    await expect(page).toHaveURL(/afgoerelse=/);
  }
});
