// VNPay's published payment protocol, version 2.1.0, as pure functions: the signed payment URL, the
// verification of what comes back (the server-to-server IPN and the browser's return URL), and VNPay's dates.
// The signed string is the vnp_* parameters sorted by key and form-encoded (spaces as '+'), exactly as
// VNPay's reference code builds it; the signature is HMAC-SHA512 of that string with the merchant's secret,
// in hex. Both the real adapter (vnpay.ts) and the simulated bank use these functions.
import { createHmac, timingSafeEqual } from "node:crypto";

export const VNP_VERSION = "2.1.0";

/** The IPN answers VNPay knows: RspCode and its Message. */
export const IPN_ANSWERS = {
  confirmed: { RspCode: "00", Message: "Confirm Success" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  invalidSignature: { RspCode: "97", Message: "Invalid signature" },
  unknownError: { RspCode: "99", Message: "Unknown error" },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** The parameters that are signed: every vnp_* one except the signature and its type. */
function signedEntries(params: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(params)
    .filter(([k]) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The string VNPay signs: sorted by key, application/x-www-form-urlencoded (spaces as '+'). */
export function signData(params: Readonly<Record<string, string>>): string {
  return new URLSearchParams(signedEntries(params)).toString();
}

export function hmacSha512Hex(secret: string, data: string): string {
  return createHmac("sha512", secret).update(data, "utf8").digest("hex");
}

/** The query string of a signed message: the sorted, encoded parameters and vnp_SecureHash. */
export function signedQuery(params: Readonly<Record<string, string>>, secret: string): string {
  const data = signData(params);
  return `${data}&vnp_SecureHash=${hmacSha512Hex(secret, data)}`;
}

/** The address the payer's browser is sent to. */
export function paymentUrl(gatewayUrl: string, params: Readonly<Record<string, string>>, secret: string): string {
  return `${gatewayUrl}${gatewayUrl.includes("?") ? "&" : "?"}${signedQuery(params, secret)}`;
}

/** Whether a message's vnp_SecureHash is the HMAC of its other vnp_* parameters, compared in constant time. */
export function hasValidSignature(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = params.vnp_SecureHash ?? "";
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(hmacSha512Hex(secret, signData(params)), "hex");
  const actual = Buffer.from(given.toLowerCase(), "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The string values of a query, first value of each key (a repeated key is ignored, never concatenated). */
export function queryParams(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of search) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

const GMT7_MS = 7 * 3_600_000;

/** yyyyMMddHHmmss in GMT+7, VNPay's date format. */
export function vnpDate(d: Date): string {
  const t = new Date(d.getTime() + GMT7_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

/** The instant a VNPay date (GMT+7) names, or null when it is not one. */
export function parseVnpDate(s: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? "");
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se) - GMT7_MS;
  return vnpDate(new Date(ms)) === s ? new Date(ms) : null;
}

/** vnp_TxnRef of a payment: its id without dashes (VNPay takes letters and digits). */
export function txnRefOf(paymentId: string): string {
  return paymentId.replace(/-/g, "");
}

/** The payment id a vnp_TxnRef names, or null. */
export function paymentIdOf(txnRef: string | undefined): string | null {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/.exec((txnRef ?? "").toLowerCase());
  return m ? m.slice(1).join("-") : null;
}
