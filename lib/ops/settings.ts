// The server's configuration, read once at start and checked as a whole: a setting that cannot be read
// stops any start, and an unsafe one stops a production start (PORTAL_ENV=production, lib/payments/config's
// isProduction), each with a message naming the setting. The checks that lived in lib/startup.ts (trusted
// proxies, session timeouts, payment, signing, outbound pushes, tracking PIN, SMTP) are called from here, so
// there is one list of what a start refuses. docs/operations.md has the table of settings.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sessionSettingProblems } from "@/lib/auth/session-timeouts";
import { fileStorageSettingProblems } from "@/lib/files/storage";
import { productionTrackingProblems } from "@/lib/dossiers/tracking-pin";
import { parseTrustedProxies } from "@/lib/http/forwarded";
import { productionOutboundProblems } from "@/lib/http/ssrf";
import { isProduction, productionPaymentProblems } from "@/lib/payments/config";
import { productionSigningProblems } from "@/lib/signing/config";

type Env = Readonly<Record<string, string | undefined>>;

/** Unset and empty are the same to an operator: an empty value takes the default. */
const blank = (v: unknown) => (v === "" ? undefined : v);
const flag = <T extends [string, ...string[]]>(values: T, fallback: T[number]) => z.preprocess(blank, z.enum(values).default(fallback));
const count = (min: number, max: number, fallback: number) =>
  z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

export const Settings = z.object({
  LOG_LEVEL: flag(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
  SHUTDOWN_GRACE_SECONDS: count(0, 600, 25),
  METRICS_TOKEN: z.preprocess(blank, z.string().min(16, "must be at least 16 characters").optional()),
  JOBS_IN_WEB: flag(["on", "off"], "off"),
  WORKER_CONCURRENCY: count(1, 256, 4),
  NEXT_CACHE: z.preprocess(blank, z.enum(["shared", "local"]).optional()),
  DB_POOL_SIZE: count(1, 1000, 10),
  PORT: count(1, 65535, 3000),
});
export type Settings = z.infer<typeof Settings>;

/** Session secrets that are published (docs, samples, tutorials) and so protect nothing. */
const KNOWN_SECRETS = new Set([
  "secret",
  "changeme",
  "change-me",
  "development",
  "development-secret",
  "nextauth-secret",
  "your-secret",
  "your_secret",
  "supersecret",
  "development-only-simulated-gateway-secret",
]);
const MIN_SECRET_LENGTH = 32;

function issuesOf(env: Env): string[] {
  const parsed = Settings.safeParse(env);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

/** What only production refuses: secrets, demo settings, half-configured services. */
function productionProblems(env: Env, opts: { demoSecret?: string }): string[] {
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret) problems.push("NEXTAUTH_SECRET is not set (it signs every session)");
  else if (KNOWN_SECRETS.has(secret.toLowerCase()) || (opts.demoSecret && secret === opts.demoSecret))
    problems.push("NEXTAUTH_SECRET is a published or demo secret (the demo's .data/auth-secret); generate 32 random bytes");
  else if (secret.length < MIN_SECRET_LENGTH) problems.push(`NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters`);
  problems.push(...productionOutboundProblems(env), ...productionTrackingProblems(env));
  // Without a relay nobody can verify an address or recover an account.
  if (!env.SMTP_URL) problems.push("SMTP_URL is not set (account verification and recovery e-mails would never leave)");
  return problems;
}

/**
 * Why the server must not start with this environment (empty when it may): settings that cannot be read,
 * then, in production, unsafe ones. `demoSecret` is the demo's generated session secret, if this machine has one.
 */
export function settingsProblems(env: Env, opts: { demoSecret?: string } = {}): string[] {
  const unreadableProxies = parseTrustedProxies(env.TRUSTED_PROXIES).invalid;
  const problems = [
    ...issuesOf(env),
    ...(unreadableProxies.length > 0
      ? [`TRUSTED_PROXIES has entries that are not addresses or CIDR blocks: ${unreadableProxies.join(", ")}`]
      : []),
    ...sessionSettingProblems(env),
    // The file store's settings are its module's (lib/files/storage.ts): S3 needs its bucket and keys everywhere.
    ...fileStorageSettingProblems(env),
  ];
  if (!isProduction(env)) return problems;
  return [...problems, ...productionPaymentProblems(env), ...productionSigningProblems(env), ...productionProblems(env, opts)].filter(
    (p, i, all) => all.indexOf(p) === i,
  );
}

const KEY = Symbol.for("portal.ops.settings");
type Holder = { [KEY]?: Settings };

/** The settings, read once per process (call after `settingsProblems` found nothing: this throws otherwise). */
export function settings(env: Env = process.env): Settings {
  const holder = globalThis as Holder;
  holder[KEY] ??= Settings.parse(env);
  return holder[KEY];
}

/** The session secret `npm run demo` generated on this machine, if it did: never a production secret. */
export function localDemoSecret(): string | undefined {
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ path.join(process.cwd(), ".data", "auth-secret"), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}
