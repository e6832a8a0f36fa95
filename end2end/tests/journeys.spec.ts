// What a person came to do, from the home page, on a 390×844 phone screen (the config's
// viewport), with JavaScript on and off. Each journey counts its taps (every click, tick and
// form submit) from `/` and holds them under the ceiling issue 21 sets.
import { expect, Locator, Page, test } from "@playwright/test";
import { KOMMUNER, open, waitForIslands } from "./helpers";
import type { TestInfo } from "@playwright/test";

/** Taps on a page, counted. */
class Taps {
  count = 0;
  constructor(private page: Page, private info: TestInfo) {}

  async click(target: Locator) {
    this.count++;
    await target.click();
    await waitForIslands(this.page, this.info);
  }

  async check(target: Locator) {
    this.count++;
    await target.check();
  }
}

async function fromHome(page: Page, info: TestInfo): Promise<Taps> {
  await open(page, info, "/");
  return new Taps(page, info);
}

const main = (page: Page) => page.locator("main");

/** How many facts the page's source lines stand for (a shared one says how many in `data-covers`). */
async function citedFacts(page: Page): Promise<number> {
  return main(page)
    .locator("p.citation")
    .evaluateAll((lines) => lines.reduce((n, line) => n + Number(line.getAttribute("data-covers") ?? "1"), 0));
}

/** A municipality's link in the home page's list (the footer names them too). */
const kommuneLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Vælg din kommune" }).getByRole("link", { name });

/** The main actions at the top of a municipality page. */
function tasks(page: Page) {
  const nav = page.getByRole("navigation", { name: "Det kan du gøre her" });
  return {
    nav,
    book: nav.getByRole("link", { name: "Book en anonym afklarende samtale" }),
    call: nav.locator('a[href^="tel:"]'),
    rights: nav.getByRole("link", { name: "Hvad er mine rettigheder?" }),
    relative: nav.getByRole("link", { name: "Jeg er pårørende" }),
  };
}

for (const k of KOMMUNER) {
  test(`${k.slug}: the first screen holds the main actions, above the facts`, async ({ page }, info) => {
    await open(page, info, `/${k.slug}`);
    const t = tasks(page);
    // Fully in view at 390×844, without scrolling.
    for (const action of [t.book, t.rights, t.relative]) {
      await expect(action).toBeInViewport({ ratio: 1 });
    }
    if (k.phone) {
      await expect(t.call).toBeInViewport({ ratio: 1 });
      await expect(t.call).toContainText(k.phone);
      await expect(t.call).toHaveAttribute("href", `tel:+45${k.phone.replaceAll(" ", "")}`);
    } else {
      // No number in the standard: said plainly, with the way to the other ways it gives.
      await expect(t.call).toHaveCount(0);
      await expect(t.nav.getByText("Kvalitetsstandarden giver ikke et telefonnummer")).toBeInViewport();
    }
    // The quick exit stays first on the page, and the facts follow the actions.
    await expect(page.locator("body a, body button").first()).toHaveText(/Forlad siden/);
    const actionsBottom = (await t.nav.boundingBox())!.y + (await t.nav.boundingBox())!.height;
    expect((await page.locator("#site").boundingBox())!.y).toBeGreaterThan(actionsBottom);
    // Every fact still carries its citation below: its own, or one that names it among the
    // facts from the same section.
    expect(await citedFacts(page)).toBe(await main(page).locator("p.fact:not(.not-given)").count());
  });
}

test("book an anonymous clarifying talk in Odsherred, to the receipt, in at most 6 taps", async ({ page }, info) => {
  const taps = await fromHome(page, info);
  await taps.click(kommuneLink(page, "Odsherred Kommune"));
  await taps.click(tasks(page).book);
  await taps.click(page.getByRole("link", { name: "Afklarende samtale i Sundhedscenteret" }));
  await taps.check(page.locator('input[name="tid"]').first());
  await taps.click(page.getByRole("button", { name: "Fortsæt" }));
  await taps.click(page.getByRole("button", { name: "Book tiden" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  await expect(page.locator("#token")).toBeVisible();
  expect(taps.count).toBeLessThanOrEqual(6);
});

test("call Pitstop: the tel: link is the second tap", async ({ page }, info) => {
  const taps = await fromHome(page, info);
  await taps.click(kommuneLink(page, "Ishøj Kommune"));
  const call = tasks(page).call;
  await expect(call).toBeInViewport({ ratio: 1 });
  await expect(call).toHaveAttribute("href", "tel:+4520692833");
  // Tapping it hands the number to the phone; a headless browser has no phone to hand it to.
  taps.count++;
  expect(taps.count).toBeLessThanOrEqual(2);
});

test("find the complaint deadline in Thisted in at most 3 taps", async ({ page }, info) => {
  const taps = await fromHome(page, info);
  await taps.click(kommuneLink(page, "Thisted Kommune"));
  await taps.click(tasks(page).rights);
  await taps.click(main(page).getByRole("link", { name: "Klage", exact: true }));
  await expect(main(page)).toContainText("Thisted Kommune skal have modtaget din klage senest 28 dage efter afgørelsen.");
  expect(taps.count).toBeLessThanOrEqual(3);
});

test("book a relative's talk in Vallensbæk, to the receipt, in at most 6 taps", async ({ page }, info) => {
  const taps = await fromHome(page, info);
  await taps.click(kommuneLink(page, "Vallensbæk Kommune"));
  await taps.click(tasks(page).relative);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samtaler for pårørende");
  await taps.check(page.locator('input[name="tid"]').first());
  await taps.click(page.getByRole("button", { name: "Fortsæt", exact: true }));
  await taps.click(page.getByRole("button", { name: "Book tiden" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tid er booket");
  await expect(page.locator("#token")).toBeVisible();
  expect(taps.count).toBeLessThanOrEqual(6);
});

test("the home page names the municipalities it covers and says what to do elsewhere, cited", async ({ page }, info) => {
  await open(page, info, "/");
  const choose = page.getByRole("navigation", { name: "Vælg din kommune" });
  await expect(choose).toContainText("Portalen dækker i dag Ishøj, Vallensbæk, Odsherred og Thisted Kommuner.");
  await expect(choose).toContainText("Bor du i en anden kommune?");
  await expect(choose.locator("p.citation")).toHaveCount(2);
  await expect(choose.locator("p.citation").first()).toContainText("Serviceloven § 101");
  await expect(choose.locator("p.citation").nth(1)).toContainText("Sundhedsloven § 141");
});

test("phone numbers and e-mail addresses are links to tap, with the standard's advice on private e-mail", async ({ page }, info) => {
  await open(page, info, "/ishoj");
  const email = page.locator("#e-mail");
  await expect(email.locator('a[href="mailto:pitstop@ishoj.dk"]')).toHaveText("pitstop@ishoj.dk");
  await expect(email.locator(".detail-note")).toContainText("ikke sender fortrolige oplysninger");
  await expect(email.locator(".detail-note p.citation")).toContainText("»Klagemuligheder«");
  await expect(page.locator("#telefon a[href='tel:+4520692833']")).toHaveText("20 69 28 33");
  await expect(page.locator("footer a[href='tel:+4520692833']")).toBeVisible();
  await expect(page.locator("footer a[href='mailto:pitstop@ishoj.dk']")).toBeVisible();
  await expect(page.locator("footer .detail-note")).toContainText("ikke sender fortrolige oplysninger");
  await expect(page.locator("footer .detail-note p.citation")).toContainText("»Klagemuligheder«");
  // In the standards' own text too.
  await open(page, info, "/standarder/ishoj-vallensbaek-2020");
  await expect(main(page).locator('a[href="mailto:pitstop@ishoj.dk"]').first()).toBeVisible();
  await expect(main(page).locator('a[href^="tel:+45"]').first()).toBeVisible();
});
