// The payment gateway's callback (server to server): a verified callback makes the gateway the actor of
// the payment.confirm use case, which settles the payment exactly once (amount, status and gateway must
// match) and issues the receipt number; every callback, accepted or not, is kept in payment_callback as the
// reconciliation trail. Refusals a retry cannot cure are answered 4xx, so the gateway stops retrying.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase, DomainError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import { db, type Tx } from "@/lib/db/client";
import { appendEvent } from "@/lib/dossiers/events";
import { STATUS } from "@/lib/dossiers/status";
import { applyTransition, lockDossier } from "@/lib/dossiers/transition";
import { formatMoney } from "@/lib/format";
import { readLimited } from "@/lib/http/body";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { notifyUser } from "@/lib/notify/notify";
import type { PaymentGateway, VerifiedCallback } from "./gateway";
import { defaultGateway } from "./payments";
// ─── The gateway's callback ────────────────────────────────────────────────────────────────────────

type CallbackOutcome =
  "accepted" | "duplicate" | "bad_signature" | "stale" | "unknown_payment" | "amount_mismatch" | "failed" | "malformed" | "error";

/** The answer to the gateway: 2xx tells it to stop retrying, 5xx that retrying may help. */
const HTTP_STATUS: Record<CallbackOutcome, number> = {
  accepted: 200,
  duplicate: 200,
  failed: 200,
  malformed: 400,
  amount_mismatch: 400,
  stale: 400,
  bad_signature: 401,
  unknown_payment: 404,
  error: 500,
};

export interface CallbackResult {
  httpStatus: number;
  outcome: CallbackOutcome;
}

const MAX_CALLBACK_BYTES = 16 * 1024;

/** A request body as handleCallback takes it: parsed JSON, or a marker the log keeps when it is not JSON or too big. */
export async function readCallbackBody(stream: ReadableStream<Uint8Array> | null): Promise<unknown> {
  if (!stream) return { unreadable: "empty" };
  // The log keeps bodies: an unbounded one would let anyone fill the table.
  const bytes = await readLimited(stream, MAX_CALLBACK_BYTES);
  if (bytes === "too_big") return { unreadable: "too_large" };
  const text = Buffer.from(bytes).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unreadable: "not_json", text: text.slice(0, 1000) };
  }
}

/** Whatever arrived, in a form the JSONB column takes. */
function asJson(body: unknown): Prisma.InputJsonValue {
  if (body !== null && typeof body === "object") {
    try {
      return JSON.parse(JSON.stringify(body)) as Prisma.InputJsonValue;
    } catch {
      return { unreadable: "not_serialisable" };
    }
  }
  return { value: body === undefined ? null : String(body) };
}

/** The payment a rejected callback names, when it names one that exists, so the trail links forgeries to their target. */
async function namedPaymentId(body: unknown): Promise<string | null> {
  const id = body !== null && typeof body === "object" ? (body as { paymentId?: unknown }).paymentId : undefined;
  if (!z.uuid().safeParse(id).success) return null;
  const p = await db.payment.findUnique({ where: { id: id as string }, select: { id: true } });
  return p?.id ?? null;
}

interface LockedPayment {
  id: string;
  dossier_id: string;
  amount: number;
  status: string;
  gateway: string;
}

/** A callback the gateway verified (signature, freshness), as the confirming use case takes it. */
const VerifiedSettlement = z.object({
  gateway: z.string().min(1),
  paymentId: z.uuid(),
  txnId: z.string().min(1).max(200),
  amount: z.number().int(),
  status: z.enum(["success", "failed"]),
  paidAt: z.date(),
  /** The callback as received, kept in payment_callback beside the outcome. */
  body: z.union([z.record(z.string(), z.json()), z.array(z.json())]),
});

/**
 * The gateway's use case: settles a payment from its verified callback, through the door like every other
 * change (permission payment.confirm, audited with the gateway as actor). The one transaction holds the
 * payment row (FOR UPDATE) from the first read to the last write, so a replayed or concurrent copy of an
 * accepted callback waits, then finds the payment no longer pending and changes nothing.
 */
const confirmPayment = defineUseCase({
  name: "payment.confirm",
  permission: "payment.confirm",
  schema: VerifiedSettlement,
  entityType: "payment",
  async run(input, { tx, actor }) {
    // A gateway confirms only what came through itself.
    if (actor.kind !== "gateway" || actor.gatewayId !== input.gateway) throw new DomainError("forbidden", paymentsText.wrongGateway);
    const result = await settle(tx, input.gateway, input);
    await tx.paymentCallback.create({
      data: { paymentId: result.paymentId, body: input.body, signatureValid: true, outcome: result.outcome },
    });
    return {
      result: result.outcome,
      entityId: input.paymentId,
      details: { outcome: result.outcome, amount: input.amount, txnId: input.txnId, gateway: input.gateway },
    };
  },
});

/**
 * Answers a gateway's callback: rejected (forged, garbled, stale) ones are only kept in the trail; a verified
 * one makes the gateway the actor of confirmPayment.
 */
export async function handleCallback(body: unknown, gateway: PaymentGateway = defaultGateway()): Promise<CallbackResult> {
  const json = asJson(body);
  const verified = gateway.verifyCallback(body);
  if ("error" in verified) {
    const outcome = verified.error;
    // A stale callback passed the signature check: it is genuine, only late (or replayed late).
    await db.paymentCallback.create({
      data: { paymentId: await namedPaymentId(body), body: json, signatureValid: outcome === "stale", outcome },
    });
    return { httpStatus: HTTP_STATUS[outcome], outcome };
  }
  const r = await confirmPayment({ kind: "gateway", gatewayId: gateway.id }, { ...verified, gateway: gateway.id, body: json });
  if (r.ok) return { httpStatus: HTTP_STATUS[r.data], outcome: r.data };
  // A refusal of the message itself will not change on retry (4xx, the gateway stops); an unexpected failure
  // was logged by the door with its reference and is answered 500 so that the gateway retries.
  const outcome: CallbackOutcome = r.code === "unexpected" ? "error" : "malformed";
  await db.paymentCallback.create({
    data: { paymentId: await namedPaymentId(body), body: json, signatureValid: true, outcome },
  });
  return { httpStatus: HTTP_STATUS[outcome], outcome };
}

async function settle(tx: Tx, gatewayId: string, v: VerifiedCallback): Promise<{ outcome: CallbackOutcome; paymentId: string | null }> {
  const [p] = await tx.$queryRaw<LockedPayment[]>`
    SELECT id, dossier_id, amount, status::text AS status, gateway FROM payment WHERE id = ${v.paymentId}::uuid FOR UPDATE`;
  // A genuine callback of one gateway cannot settle a payment made through another.
  if (!p || p.gateway !== gatewayId) return { outcome: "unknown_payment", paymentId: p?.id ?? null };
  // Paid, failed or cancelled already: a replay, a late copy or a contradiction, kept only in the trail.
  if (p.status !== "PENDING") return { outcome: "duplicate", paymentId: p.id };
  if (p.amount !== v.amount) return { outcome: "amount_mismatch", paymentId: p.id };
  // One bank transaction settles one payment, never a second one.
  const sameTxn = await tx.payment.findUnique({ where: { gatewayTxnId: v.txnId }, select: { id: true } });
  if (sameTxn) return { outcome: "duplicate", paymentId: p.id };

  if (v.status === "failed") {
    await tx.payment.update({
      where: { id: p.id },
      data: { status: "FAILED", failedAt: v.paidAt, gatewayTxnId: v.txnId, failureReason: paymentsText.failureReason },
    });
    return { outcome: "failed", paymentId: p.id };
  }

  // The dossier row next (always payment, then dossier, then the receipt series), so concurrent callbacks cannot deadlock.
  const locked = await lockDossier(tx, p.dossier_id);
  const receiptNo = await nextReceiptNo(tx, v.paidAt);
  await tx.payment.update({ where: { id: p.id }, data: { status: "PAID", paidAt: v.paidAt, gatewayTxnId: v.txnId, receiptNo } });
  const d = await tx.dossier.update({
    where: { id: p.dossier_id },
    data: { paidAmount: { increment: p.amount }, version: { increment: 1 } },
    select: {
      code: true,
      status: true,
      feeAmount: true,
      paidAmount: true,
      applicantId: true,
      applicant: { select: { email: true } },
      service: { select: { name: true } },
    },
  });
  const amount = formatMoney(p.amount);
  await appendEvent(tx, {
    dossierId: p.dossier_id,
    action: "pay",
    note: paymentsText.paidEventNote(amount, receiptNo),
    data: { paymentId: p.id, amount: p.amount, receiptNo, gateway: gatewayId, txnId: v.txnId },
  });
  await notifyUser(tx, {
    userId: d.applicantId,
    email: d.applicant.email,
    dossierId: p.dossier_id,
    title: paymentsText.notifyPaidTitle(d.code),
    body: paymentsText.notifyPaidBody(d.service.name, amount, receiptNo),
    link: `/ho-so-cua-toi/${d.code}`,
  });
  // Fees the agency asked for are settled: processing resumes. Other statuses are unaffected by paying.
  if (locked.status === STATUS.FEES_REQUESTED && d.paidAmount >= d.feeAmount) {
    await applyTransition(tx, {
      dossierId: p.dossier_id,
      action: "payFees",
      actor: { kind: "system" },
      data: { paymentId: p.id, receiptNo },
    });
  }
  return { outcome: "accepted", paymentId: p.id };
}

/**
 * The next receipt number of the year of payment (Vietnam time): BL-<yy>-<6 digits>. A transaction-scoped
 * advisory lock makes concurrent payments take numbers in turn; the unique index on receipt_no is the backstop.
 */
async function nextReceiptNo(tx: Tx, paidAt: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('payment.receipt_no'))`;
  const prefix = `BL-${localDate(paidAt).slice(2, 4)}-`;
  const [row] = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(substring(receipt_no FROM 7)::int) AS last FROM payment WHERE receipt_no LIKE ${`${prefix}%`}`;
  const next = (row?.last ?? 0) + 1;
  if (next > 999_999) throw new Error(`receipt series ${prefix} is exhausted`);
  return `${prefix}${String(next).padStart(6, "0")}`;
}
