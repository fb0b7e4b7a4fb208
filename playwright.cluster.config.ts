// The cluster proof's specs (tests/cluster), run by `npm run test:cluster` (scripts/cluster/run.ts), which
// starts the cluster first and passes its addresses in CLUSTER_* variables. One worker, files in order:
// proof 4 kills node A and proof 5 the worker, so nothing may run beside them.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: systemChromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  },
};

export default defineConfig({
  testDir: "tests/cluster",
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: process.env.CLUSTER_BASE,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
  },
  outputDir: "test-results/cluster",
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromium },
    { name: "cluster", dependencies: ["setup"], testMatch: /\.spec\.ts$/, use: chromium },
  ],
});
