import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where installed (browsers cannot be downloaded here); Playwright's own elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
// A port nobody listens on, so that the suite runs beside `npm run demo` (3000) or another run. Chosen
// once: the workers load this file again and inherit E2E_PORT from the runner's environment.
process.env.E2E_PORT ||= execFileSync(
  process.execPath,
  ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
  { encoding: "utf8" },
);
const PORT = Number(process.env.E2E_PORT);
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: systemChromium,
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
};

export default defineConfig({
  testDir: "tests/e2e",
  // A test on a busy two-core machine (axe on a long page, a journey through several forms) can pass a minute.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
  },
  projects: [
    // Signs in each demo role once through the form; the specs reuse the saved sessions (tests/e2e/.auth).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
  // The production build (`next build` runs before this) on a fresh database with the demo accounts.
  webServer: {
    command: "npx tsx scripts/demo.ts --e2e",
    url: `http://localhost:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Sessions made by auth.setup.ts serve the whole run, however long it takes on a busy machine: the idle
    // timeouts are longer here than in production (the timeout spec ages a session past any of them).
    // METRICS_TOKEN: tests/e2e/operations.spec.ts reads /api/metrics with it.
    env: {
      PORT: String(PORT),
      SESSION_IDLE_MINUTES: "240",
      SESSION_STAFF_IDLE_MINUTES: "240",
      METRICS_TOKEN: process.env.E2E_METRICS_TOKEN ?? "e2e-metrics-token-0123456789abcdef",
      // Warnings and errors only: an access-log line per request would bury the test report.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
