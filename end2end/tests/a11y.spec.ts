import { test } from "@playwright/test";
import { KOMMUNER, expectNoAxeViolations, open } from "./helpers";

const PAGES = ["/", "/tilgaengelighed", "/findes-ikke", ...KOMMUNER.map((k) => `/${k.slug}`)];

for (const path of PAGES) {
  test(`axe finds no WCAG 2.1 A/AA violation on ${path}`, async ({ page }, info) => {
    await open(page, info, path);
    await expectNoAxeViolations(page);
  });
}
