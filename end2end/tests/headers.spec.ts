import { type APIRequestContext, expect, test } from "@playwright/test";
import { KOMMUNER, open } from "./helpers";

const PAGES = ["/", "/tilgaengelighed", ...KOMMUNER.map((k) => `/${k.slug}`)];

test("pages carry the security headers and a nonce-based CSP", async ({ request }) => {
  for (const path of PAGES) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    const h = r.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{16,}' 'wasm-unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["cache-control"]).toBe("no-store");
    expect(h["set-cookie"], path).toBeUndefined();
  }
});

test("each page gets a fresh nonce", async ({ request }) => {
  const nonce = async () => /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"])?.[1];
  const a = await nonce();
  const b = await nonce();
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

/** The page's one stylesheet, as the shell links it: DKFDS and the portal's rules, under a hashed name in /pkg. */
async function stylesheet(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/")).text();
  const links = [...html.matchAll(/<link\b[^>]*\bhref="([^"]+\.css)"/g)].map((m) => m[1]);
  expect(links).toHaveLength(1);
  return links[0];
}

test("static files and errors carry the headers too", async ({ request }) => {
  for (const path of ["/favicon.ico", await stylesheet(request), "/findes/ikke"]) {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"], path).toBe("no-referrer");
    expect(h["x-content-type-options"], path).toBe("nosniff");
  }
});

test("responses are compressed when the browser asks", async ({ request }) => {
  const r = await request.get(await stylesheet(request), { headers: { "accept-encoding": "gzip, br" } });
  expect(["gzip", "br"]).toContain(r.headers()["content-encoding"]);
});

test("the stylesheet and every font and icon it names have hashed names and a year's cache", async ({ request }) => {
  const css = await stylesheet(request);
  expect(css).toMatch(/^\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.css$/);
  const r = await request.get(css);
  expect(r.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const urls = [...(await r.text()).matchAll(/url\(([^)]+)\)/g)].map((m) => m[1].replace(/["']/g, ""));
  expect(urls.some((u) => /^IBMPlexSans-Regular-Latin1\.[A-Za-z0-9_-]{22}\.woff2$/.test(u))).toBe(true);
  for (const u of urls) {
    const f = await request.get(new URL(u, `http://x${css}`).pathname);
    expect(f.status(), u).toBe(200);
    expect(f.headers()["cache-control"], u).toBe("public, max-age=31536000, immutable");
  }
});

test("a citizen gets no cookie and nothing in browser storage", async ({ page, context }, info) => {
  for (const path of PAGES) await open(page, info, path);
  expect(await context.cookies()).toEqual([]);
  if (info.project.name === "js") {
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
});
