// Which payment gateway is active and its merchant settings, read from the environment at each use (so
// `next build` can load the modules without them), and the refusal to serve production on an unsafe setting.
// PAYMENT_GATEWAY=vnpay uses VNPay (VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAYMENT_URL);
// PAYMENT_GATEWAY=simulator turns on the simulated bank (demo and tests only); unset, nothing can be paid online.
import { createHmac } from "node:crypto";

type Env = Readonly<Record<string, string | undefined>>;

type GatewayChoice = "vnpay" | "simulator";

export interface GatewayConfig {
  choice: GatewayChoice;
  tmnCode: string;
  hashSecret: string;
  /** VNPay's payment page; for the simulator, its page on this site. */
  paymentUrl: string;
}

/** Only for development and tests, where nothing real is at stake; refused in production. */
const DEVELOPMENT_SECRET = "development-only-simulated-gateway-secret";
const SIMULATOR_TMN_CODE = "MOPHONG1";
const SIMULATOR_PATH = "/thanh-toan/ngan-hang-mo-phong";
/** Secrets that are published somewhere (this code, sample configurations) and so protect nothing. */
const KNOWN_SECRETS = new Set([DEVELOPMENT_SECRET, "changeme", "secret", "your_hash_secret", "K7FZ34WQ69Z060J60IGJTWH4H4UK4JQA"]);

/** The portal's own public address, where gateways send the payer back and post their notifications. */
export function publicBaseUrl(env: Env = process.env): string {
  return env.PUBLIC_BASE_URL || env.NEXTAUTH_URL || `http://localhost:${env.PORT ?? "3000"}`;
}

/** Where gateways send their IPN (server to server). */
export function ipnUrl(env: Env = process.env): string {
  return new URL("/api/v1/thanh-toan/ket-qua", publicBaseUrl(env)).toString();
}

/** Where gateways send the payer's browser back: a page that only shows the result. */
export function returnUrl(env: Env = process.env): string {
  return new URL("/thanh-toan/tro-ve", publicBaseUrl(env)).toString();
}

function gatewayChoice(env: Env = process.env): GatewayChoice | null {
  const v = env.PAYMENT_GATEWAY?.trim().toLowerCase();
  return v === "vnpay" || v === "simulator" ? v : null;
}

/** The simulator's secret: VNPAY_HASH_SECRET when set, else one derived from NEXTAUTH_SECRET (never the session key itself). */
function simulatorSecret(env: Env): string {
  if (env.VNPAY_HASH_SECRET) return env.VNPAY_HASH_SECRET;
  if (env.NEXTAUTH_SECRET) return createHmac("sha256", env.NEXTAUTH_SECRET).update("payment-gateway:simulated").digest("hex");
  return DEVELOPMENT_SECRET;
}

/** The active gateway's settings, or null when no gateway is configured (online payment is then off). */
export function gatewayConfig(env: Env = process.env): GatewayConfig | null {
  const choice = gatewayChoice(env);
  if (choice === "simulator") {
    return {
      choice,
      tmnCode: env.VNPAY_TMN_CODE || SIMULATOR_TMN_CODE,
      hashSecret: simulatorSecret(env),
      paymentUrl: new URL(SIMULATOR_PATH, publicBaseUrl(env)).toString(),
    };
  }
  if (choice === "vnpay" && env.VNPAY_TMN_CODE && env.VNPAY_HASH_SECRET && env.VNPAY_PAYMENT_URL) {
    return { choice, tmnCode: env.VNPAY_TMN_CODE, hashSecret: env.VNPAY_HASH_SECRET, paymentUrl: env.VNPAY_PAYMENT_URL };
  }
  return null;
}

/**
 * Production is PORTAL_ENV=production, or NODE_ENV=production unless PORTAL_ENV names another stage: the demo
 * serves a production build (`next start`) and says so with PORTAL_ENV=demo.
 */
export function isProduction(env: Env = process.env): boolean {
  if (env.PORTAL_ENV === "production") return true;
  return env.NODE_ENV === "production" && !["demo", "test", "development"].includes(env.PORTAL_ENV ?? "");
}

/** Why this configuration must not serve production (empty when it may). */
export function productionPaymentProblems(env: Env = process.env): string[] {
  if (!isProduction(env)) return [];
  const problems: string[] = [];
  const choice = gatewayChoice(env);
  if (choice === "simulator") problems.push("PAYMENT_GATEWAY=simulator: the simulated bank must never run in production");
  if (env.PAYMENT_GATEWAY && !choice) problems.push(`PAYMENT_GATEWAY=${env.PAYMENT_GATEWAY} is neither vnpay nor simulator`);
  if (choice === "vnpay") {
    for (const k of ["VNPAY_TMN_CODE", "VNPAY_HASH_SECRET", "VNPAY_PAYMENT_URL"] as const) if (!env[k]) problems.push(`${k} is not set`);
    const secret = env.VNPAY_HASH_SECRET;
    if (secret && (KNOWN_SECRETS.has(secret) || secret.length < 32))
      problems.push("VNPAY_HASH_SECRET is a demo, default or too short secret (VNPay issues 32 characters)");
    if (env.VNPAY_PAYMENT_URL && !env.VNPAY_PAYMENT_URL.startsWith("https://")) problems.push("VNPAY_PAYMENT_URL is not https");
  }
  return problems;
}
