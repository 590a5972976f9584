import { defineConfig, devices } from "@playwright/test";

// The product under test is started by global-setup.ts: the built SPA and the API on one port,
// on a fresh embedded database folder (seeded with the demo province on first start).
// A port per run (unless E2E_PORT is given), so two runs on one machine do not meet. Set in the
// environment here, in the main process, so that the test workers inherit the same value.
process.env.E2E_PORT ??= String(4310 + (process.pid % 1000));
export const E2E_PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  globalSetup: "./global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "vi-VN",
    // The users' clock: the day in Vietnam, whatever the time of day the suite runs at in UTC.
    timezoneId: "Asia/Ho_Chi_Minh",
    launchOptions: {
      // Debian's Chromium: Playwright must never download a browser on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // GraphiQL is a desktop tool: graphiql.spec.ts runs on the desktop; on a phone the page only
    // has to stay usable, which graphiql-phone.spec.ts checks.
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /graphiql-phone\.spec\.ts$/,
    },
    {
      name: "phone",
      testIgnore: /graphiql\.spec\.ts$/,
      use: {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    },
  ],
});
