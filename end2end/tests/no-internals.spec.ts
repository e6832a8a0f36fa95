import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { KOMMUNER, open } from "./helpers";

// No page shows the portal's internals, with JavaScript (after hydration) and without. The same
// crawl runs on the server-rendered HTML in server/tests/no_internals.rs; this one reads what the
// browser shows: every public page reachable by links from the front page, plus guide results.

const CONTENT = join(__dirname, "..", "..", "app", "content");

/** Document and rule ids that cannot be mistaken for words (a hyphen or a digit). */
function ids(): string[] {
  const files = [join(CONTENT, "documents.toml"), ...readdirSync(join(CONTENT, "rights")).map((f) => join(CONTENT, "rights", f))];
  const found = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/^id = "([^"]+)"/gm)) {
      if (/[-0-9]/.test(m[1])) found.add(m[1]);
    }
  }
  return [...found];
}

function internals(text: string, marks: string[]): string[] {
  const words = new Set(text.split(/[^\p{L}\p{N}\-/.]+/u).map((w) => w.replace(/\.$/, "")));
  const found = [".toml", "kommunefil", "seeds/", "faelles"].filter((m) => text.includes(m));
  return found.concat(marks.filter((m) => words.has(m)));
}

test("no public page shows file names, ids or notes for the content's authors", async ({ page }, info) => {
  test.setTimeout(420_000);
  const marks = ids();
  const start = ["/", "/standarder", "/katalog", `/sammenlign?${KOMMUNER.map((k) => `kommune=${k.slug}`).join("&")}`];
  for (const k of KOMMUNER) {
    start.push(`/${k.slug}/rettigheder/guide?rolle=selv&rusmiddel=stoffer&alder=17&anonym=ja&boern=ja&trin=resultat`);
    start.push(`/${k.slug}/rettigheder/guide?rolle=paaroerende&trin=resultat`);
  }
  const queue = [...start];
  const seen = new Set(queue);
  const problems: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < 160) {
    const path = queue.shift()!;
    visited++;
    await open(page, info, path);
    // Folded lists and notes count: what a reader can open is shown.
    const text = await page.evaluate(() => {
      document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""));
      return document.body.innerText;
    });
    const found = internals(text, marks);
    if (found.length > 0) problems.push(`${path}: ${found.join(", ")}`);
    const links = await page.$$eval("a[href^='/']", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of links) {
      const clean = href.split("#")[0];
      const guideScreen = clean.includes("/guide?") && !clean.includes("trin=resultat");
      if (clean.startsWith("/personale") || clean.startsWith("/pkg") || clean.includes(".") || guideScreen) continue;
      if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  expect(visited).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});
