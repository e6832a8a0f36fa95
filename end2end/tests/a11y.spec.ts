import { test } from "@playwright/test";
import { KOMMUNER, expectNoAxeViolations, jsEnabled, open } from "./helpers";

const PAGES = [
  "/odsherred/raadgivning",
  "/",
  "/tilgaengelighed",
  "/findes-ikke",
  "/min-aftale",
  "/ishoj/book",
  "/thisted/book?samtale=telefon",
  "/standarder",
  "/standarder/ishoj-2024",
  "/standarder/pitstop-takstblad",
  "/katalog",
  "/katalog?kommune=odsherred&alder=12&q=stof",
  "/katalog?kommune=aarhus&alder=tolv",
  "/sammenlign",
  // A catalogue card whose lower age is cited from another standard.
  "/katalog?kommune=ishoj&alder=13",
  "/sammenlign?kommune=odsherred&kommune=ishoj&kommune=thisted&kommune=vallensbaek",
  ...KOMMUNER.map((k) => `/${k.slug}`),
  "/ishoj/paaroerende",
  "/thisted/paaroerende",
  "/ishoj/henvendelse",
  "/thisted/henvendelse",
  "/ishoj/rettigheder",
  "/odsherred/rettigheder/klage",
  "/thisted/rettigheder/guide",
  "/thisted/rettigheder/guide?rolle=selv&alder=sytten&trin=4",
  "/vallensbaek/rettigheder/guide?rolle=paaroerende&rusmiddel=begge&alder=16&anonym=ja&trin=resultat",
  "/odsherred/rettigheder/frister?henvendt=1.11.2026&afgoerelse=abc",
];

for (const path of PAGES) {
  test(`axe finds no WCAG 2.1 A/AA violation on ${path}`, async ({ page, browser }, info) => {
    if (jsEnabled(info)) {
      await open(page, info, path);
      await expectNoAxeViolations(page);
      return;
    }
    // axe itself runs as a script. For the no-JS page, keep scripts on for axe but refuse the
    // portal's own JS and WASM, so what is checked is the server-rendered page, never hydrated.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "da-DK", javaScriptEnabled: true });
    const bare = await context.newPage();
    await bare.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    await bare.goto(info.project.use.baseURL + path);
    await expectNoAxeViolations(bare);
    await context.close();
  });
}
