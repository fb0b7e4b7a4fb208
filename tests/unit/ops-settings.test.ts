// The start-up check of the configuration: what any start refuses, and what only a production start does.
import { describe, expect, it } from "vitest";
import { Settings, settingsProblems } from "@/lib/ops/settings";

const SECRET = "k3Qv9xT1pZ7mW2rB8nL5cF0hJ4sD6gYa";
/** A production environment that passes every check but the signing keys' (those read files; not this test's). */
const production = {
  PORTAL_ENV: "production",
  NEXTAUTH_SECRET: SECRET,
  SMTP_URL: "smtp://relay.example:587",
  TRACKING_PIN_SECRET: "t".repeat(40),
};
const withoutSigning = (problems: string[]) => problems.filter((p) => !p.startsWith("SIGNING_"));

describe("settingsProblems", () => {
  it("accepts an empty environment outside production, with the documented defaults", () => {
    expect(settingsProblems({})).toEqual([]);
    expect(Settings.parse({})).toMatchObject({
      LOG_LEVEL: "info",
      SHUTDOWN_GRACE_SECONDS: 25,
      JOBS_IN_WEB: "off",
      WORKER_CONCURRENCY: 4,
    });
  });

  it("refuses unreadable settings in any environment, naming them", () => {
    const problems = settingsProblems({
      LOG_LEVEL: "loud",
      SHUTDOWN_GRACE_SECONDS: "soon",
      FILE_STORAGE: "ftp",
      JOBS_IN_WEB: "yes",
      FILE_SWEEP_GRACE_HOURS: "0",
      METRICS_TOKEN: "short",
      TRUSTED_PROXIES: "not-an-address",
      SESSION_IDLE_MINUTES: "-3",
    });
    for (const name of [
      "LOG_LEVEL",
      "SHUTDOWN_GRACE_SECONDS",
      "FILE_STORAGE",
      "JOBS_IN_WEB",
      "FILE_SWEEP_GRACE_HOURS",
      "METRICS_TOKEN",
      "TRUSTED_PROXIES",
      "SESSION_IDLE_MINUTES",
    ])
      expect(
        problems.some((p) => p.startsWith(name)),
        name,
      ).toBe(true);
  });

  it("refuses S3 storage without its bucket and keys anywhere (the file store's own rule)", () => {
    expect(settingsProblems({ FILE_STORAGE: "s3" })).toEqual([
      "S3_BUCKET is required when FILE_STORAGE=s3",
      "S3_ACCESS_KEY_ID is required when FILE_STORAGE=s3",
      "S3_SECRET_ACCESS_KEY is required when FILE_STORAGE=s3",
    ]);
    expect(settingsProblems({ FILE_STORAGE: "s3", S3_BUCKET: "portal", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })).toEqual([]);
  });

  it("passes a sound production environment (but for the signing keys, checked on their files)", () => {
    expect(withoutSigning(settingsProblems(production))).toEqual([]);
  });

  it.each([
    ["missing", undefined, "NEXTAUTH_SECRET is not set"],
    ["short", "abc123", "NEXTAUTH_SECRET is shorter than 32 characters"],
    ["a published default", "changeme", "NEXTAUTH_SECRET is a published or demo secret"],
  ])("refuses a production start with the session secret %s", (_, value, message) => {
    const problems = settingsProblems({ ...production, NEXTAUTH_SECRET: value });
    expect(problems.some((p) => p.startsWith(message))).toBe(true);
  });

  it("refuses the demo's own generated secret in production", () => {
    const problems = settingsProblems(production, { demoSecret: SECRET });
    expect(problems.some((p) => p.startsWith("NEXTAUTH_SECRET is a published or demo secret"))).toBe(true);
  });

  it("refuses the payment simulator in production, not in the demo", () => {
    expect(settingsProblems({ ...production, PAYMENT_GATEWAY: "simulator" })).toContain(
      "PAYMENT_GATEWAY=simulator: the simulated bank must never run in production",
    );
    expect(settingsProblems({ PORTAL_ENV: "demo", NODE_ENV: "production", PAYMENT_GATEWAY: "simulator" })).toEqual([]);
  });

  it("refuses a short metrics token and a missing relay in production", () => {
    const problems = withoutSigning(settingsProblems({ ...production, METRICS_TOKEN: "123", SMTP_URL: undefined }));
    expect(problems).toEqual([
      "METRICS_TOKEN: must be at least 16 characters",
      "SMTP_URL is not set (account verification and recovery e-mails would never leave)",
    ]);
  });

  it("keeps the earlier production checks (plain-http pushes, short tracking secret)", () => {
    const problems = settingsProblems({ ...production, PUSH_ALLOW_HTTP: "true", TRACKING_PIN_SECRET: "short" });
    expect(problems.some((p) => p.startsWith("PUSH_ALLOW_HTTP=true"))).toBe(true);
    expect(problems.some((p) => p.startsWith("TRACKING_PIN_SECRET is a demo or too short secret"))).toBe(true);
  });
});
