// The built-in simulated gateway ("Ngân hàng mô phỏng"), so level-4 payment can be demonstrated end to end
// without a bank contract. It behaves like a real one where it matters: its callbacks are signed with
// HMAC-SHA256 over a canonical string, checked in constant time, and refused when older than 10 minutes.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { paymentsText } from "@/lib/i18n/vi/payments";
import type { CallbackRejection, PaymentGateway, VerifiedCallback } from "./gateway";

const SIMULATED_GATEWAY_ID = "simulated";

/** How far a callback's timestamp may be from now, either way (clock skew), before it is refused as stale. */
const MAX_CALLBACK_AGE_MS = 10 * 60_000;

/** The fields a callback carries, in the order they are signed. */
export const CallbackFields = z.object({
  paymentId: z.uuid(),
  // Restricted to characters that cannot occur in the canonical string's separators, so it stays unambiguous.
  txnId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(["success", "failed"]),
  /** Milliseconds since the epoch, when the bank settled (or refused) the transaction. */
  timestamp: z.number().int().nonnegative(),
});
export type CallbackFields = z.infer<typeof CallbackFields>;

const SignedCallback = CallbackFields.extend({ signature: z.string().regex(/^[0-9a-f]{64}$/) });
export type SignedCallback = z.infer<typeof SignedCallback>;

const SIGNED_ORDER = ["paymentId", "txnId", "amount", "status", "timestamp"] as const satisfies readonly (keyof CallbackFields)[];

function canonical(f: CallbackFields): string {
  return SIGNED_ORDER.map((k) => `${k}=${f[k]}`).join("&");
}

// Only for development and tests, where nothing real is at stake; production must configure a secret.
const DEVELOPMENT_SECRET = "development-only-simulated-gateway-secret";

/**
 * Read at each use rather than at import, so `next build` (NODE_ENV=production, no secrets) can load the
 * module. A secret derived from NEXTAUTH_SECRET keeps the demo working on one configured secret without
 * reusing the session key itself for a second purpose.
 */
function gatewaySecret(): string {
  if (process.env.PAYMENT_GATEWAY_SECRET) return process.env.PAYMENT_GATEWAY_SECRET;
  if (process.env.NEXTAUTH_SECRET)
    return createHmac("sha256", process.env.NEXTAUTH_SECRET).update("payment-gateway:simulated").digest("hex");
  if (process.env.NODE_ENV === "production") throw new Error("PAYMENT_GATEWAY_SECRET (or NEXTAUTH_SECRET) must be set in production");
  return DEVELOPMENT_SECRET;
}

function sign(f: CallbackFields): string {
  return createHmac("sha256", gatewaySecret()).update(canonical(f)).digest("hex");
}

/** What the simulated bank sends: the fields and their signature. */
export function signCallback(fields: CallbackFields): SignedCallback {
  const f = CallbackFields.parse(fields);
  return { ...f, signature: sign(f) };
}

function verifySimulatedCallback(body: unknown, now: Date = new Date()): VerifiedCallback | CallbackRejection {
  const parsed = SignedCallback.safeParse(body);
  if (!parsed.success) return { error: "malformed" };
  const { signature, ...fields } = parsed.data;
  const expected = Buffer.from(sign(fields), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: "bad_signature" };
  // Checked after the signature, so that only a genuine message is reported as stale.
  if (Math.abs(now.getTime() - fields.timestamp) > MAX_CALLBACK_AGE_MS) return { error: "stale" };
  return {
    paymentId: fields.paymentId,
    txnId: fields.txnId,
    amount: fields.amount,
    status: fields.status,
    paidAt: new Date(fields.timestamp),
  };
}

/** The simulated bank's page, on this very site; it takes the return address along as a real bank does. */
function simulatedStartUrl(paymentId: string, returnUrl: string): string {
  return `/thanh-toan/ngan-hang-mo-phong/${encodeURIComponent(paymentId)}?ve=${encodeURIComponent(returnUrl)}`;
}

export const simulatedGateway: PaymentGateway = {
  id: SIMULATED_GATEWAY_ID,
  label: paymentsText.simulatedGatewayLabel,
  // Amount and description are not carried in the URL: the simulated bank reads the portal's payment row,
  // which stands in for the order a real bank would have registered, so nothing in the URL can alter them.
  startUrl: (p) => simulatedStartUrl(p.paymentId, p.returnUrl),
  verifyCallback: (body) => verifySimulatedCallback(body),
};

/** Where the bank posts its callbacks: the portal's own public address. */
export function callbackUrl(): string {
  const base = process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? "3000"}`;
  return new URL("/api/v1/thanh-toan/ket-qua", base).toString();
}
