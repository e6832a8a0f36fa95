import { defineConfig } from "@playwright/test";

// The server is started by scripts/test.sh (release build, fresh data directory); BASE_URL
// points at it. Every test runs twice: with JavaScript and without, so the no-JS path never rots.
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  // The whole suite takes about 8 minutes; a server that stops answering must fail the run in
  // time, not let every test wait out its 30 seconds past CI's limit.
  globalTimeout: 25 * 60_000,
  fullyParallel: false,
  workers: 1, // 2 cores: one browser at a time beside the server
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "nojs", use: { javaScriptEnabled: false } },
  ],
});
