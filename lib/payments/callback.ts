// The payment gateway's notification (IPN, server to server): a verified one makes the gateway the actor of
// the payment.confirm use case, which settles the payment exactly once (amount, status and gateway must
// match; the dossier still open) and issues the receipt number; every notification, accepted or not, is kept
// in payment_callback as the reconciliation trail. The answer is VNPay's { RspCode, Message }.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import { db, type Tx } from "@/lib/db/client";
import { appendEvent } from "@/lib/dossiers/events";
import { CLOSED_STATUSES, STATUS } from "@/lib/dossiers/status";
import { applyTransition, lockDossier } from "@/lib/dossiers/transition";
import { formatMoney } from "@/lib/format";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { notifyUser } from "@/lib/notify/notify";
import { childLog } from "@/lib/ops/log";
import type { PaymentGateway, VerifiedCallback } from "./gateway";
import { activeGateway } from "./payments";
import { IPN_ANSWERS, paymentIdOf, type IpnAnswer } from "./vnpay-protocol";
import { DOSSIER_SECTION, dossierHref } from "@/lib/dossiers/next-step";
const log = childLog({ module: "payments" });

// ─── The gateway's notification (IPN) ──────────────────────────────────────────────────────────────

type CallbackOutcome =
  "accepted" | "duplicate" | "refused" | "bad_signature" | "unknown_payment" | "amount_mismatch" | "failed" | "malformed" | "error";

/** VNPay's answer for each outcome. 00 and 02 tell it the order is settled either way; it retries the others. */
const ANSWER: Record<CallbackOutcome, IpnAnswer> = {
  accepted: IPN_ANSWERS.confirmed,
  failed: IPN_ANSWERS.confirmed,
  duplicate: IPN_ANSWERS.alreadyConfirmed,
  refused: IPN_ANSWERS.alreadyConfirmed,
  amount_mismatch: IPN_ANSWERS.invalidAmount,
  bad_signature: IPN_ANSWERS.invalidSignature,
  unknown_payment: IPN_ANSWERS.orderNotFound,
  malformed: IPN_ANSWERS.unknownError,
  error: IPN_ANSWERS.unknownError,
};

export interface CallbackResult {
  outcome: CallbackOutcome;
  answer: IpnAnswer;
}

/** At most this many parameters are kept of a notification: the log must not be a way to fill the table. */
const MAX_KEPT_PARAMS = 40;

function asJson(query: Readonly<Record<string, string>>): Prisma.InputJsonObject {
  return Object.fromEntries(
    Object.entries(query)
      .slice(0, MAX_KEPT_PARAMS)
      .map(([k, v]) => [k.slice(0, 64), v.slice(0, 512)]),
  );
}

/** The payment a rejected notification names, when it names one that exists, so the trail links forgeries to their target. */
async function namedPaymentId(query: Readonly<Record<string, string>>): Promise<string | null> {
  const id = paymentIdOf(query.vnp_TxnRef);
  if (!id) return null;
  const p = await db.payment.findUnique({ where: { id }, select: { id: true } });
  return p?.id ?? null;
}

interface LockedPayment {
  id: string;
  dossier_id: string;
  amount: number;
  status: string;
  gateway: string;
  gateway_txn_id: string | null;
}

async function txnUsed(tx: Tx, txnId: string): Promise<boolean> {
  return (await tx.payment.findUnique({ where: { gatewayTxnId: txnId }, select: { id: true } })) !== null;
}

/** A notification the gateway verified (signature), as the confirming use case takes it. */
const VerifiedSettlement = z.object({
  gateway: z.string().min(1),
  paymentId: z.uuid(),
  txnId: z.string().min(1).max(200),
  amount: z.number().int(),
  status: z.enum(["success", "failed"]),
  paidAt: z.date(),
  /** The notification as received, kept in payment_callback beside the outcome. */
  body: z.record(z.string(), z.string()),
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
    if (actor.kind !== "gateway" || actor.gatewayId !== input.gateway) throw new AppError("forbidden", paymentsText.wrongGateway);
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
 * Answers a gateway's notification: rejected (forged, garbled, unknown) ones are only kept in the trail; a
 * verified one makes the gateway the actor of confirmPayment. The answer is VNPay's { RspCode, Message }.
 */
export async function handleIpn(
  query: Readonly<Record<string, string>>,
  gateway: PaymentGateway | null = activeGateway(),
): Promise<CallbackResult> {
  const body = asJson(query);
  const verified = gateway ? gateway.verifyCallback(query) : ({ error: "unknown_payment" } as const);
  if ("error" in verified) {
    const outcome = verified.error;
    const paymentId = await namedPaymentId(query);
    await db.paymentCallback.create({ data: { paymentId, body, signatureValid: outcome !== "bad_signature", outcome } });
    log.warn({ outcome, paymentId, gateway: gateway?.id ?? null }, "payment notification rejected");
    return { outcome, answer: ANSWER[outcome] };
  }
  const g = gateway!;
  const r = await confirmPayment({ kind: "gateway", gatewayId: g.id }, { ...verified, gateway: g.id, body });
  if (r.ok) {
    log.info({ outcome: r.data, paymentId: verified.paymentId, gateway: g.id }, "payment notification settled");
    return { outcome: r.data, answer: ANSWER[r.data] };
  }
  // An unexpected failure was logged by the door with its reference; 99 lets the gateway retry.
  const outcome: CallbackOutcome = r.code === "unexpected" ? "error" : "malformed";
  await db.paymentCallback.create({ data: { paymentId: await namedPaymentId(query), body, signatureValid: true, outcome } });
  log.error({ outcome, code: r.code, paymentId: verified.paymentId, gateway: g.id }, "payment notification not settled");
  return { outcome, answer: ANSWER[outcome] };
}

async function settle(tx: Tx, gatewayId: string, v: VerifiedCallback): Promise<{ outcome: CallbackOutcome; paymentId: string | null }> {
  // The dossier row first, then the payment (as withdrawal and startPayment do), so they cannot deadlock;
  // a payment's dossier never changes, so reading it unlocked is safe.
  const owner = await tx.payment.findUnique({ where: { id: v.paymentId }, select: { dossierId: true } });
  if (!owner) return { outcome: "unknown_payment", paymentId: null };
  const locked = await lockDossier(tx, owner.dossierId);
  const [p] = await tx.$queryRaw<LockedPayment[]>`
    SELECT id, dossier_id, amount, status::text AS status, gateway, gateway_txn_id FROM payment WHERE id = ${v.paymentId}::uuid FOR UPDATE`;
  // A genuine notification of one gateway cannot settle a payment made through another.
  if (!p || p.gateway !== gatewayId) return { outcome: "unknown_payment", paymentId: p?.id ?? null };
  // VNPay's order of checks: the order, its amount, then whether it is still open.
  if (p.amount !== v.amount) return { outcome: "amount_mismatch", paymentId: p.id };
  const closed = CLOSED_STATUSES.has(locked.status);
  if (p.status !== "PENDING") {
    // Money taken for an order the portal had already cancelled (the dossier was withdrawn): it goes back.
    if (p.status === "CANCELLED" && v.status === "success" && !p.gateway_txn_id && !(await txnUsed(tx, v.txnId))) {
      await tx.payment.update({ where: { id: p.id }, data: { gatewayTxnId: v.txnId, refundDueAt: new Date() } });
      return { outcome: "refused", paymentId: p.id };
    }
    // Paid, failed or cancelled already: a replay, a late copy or a contradiction, kept only in the trail.
    return { outcome: "duplicate", paymentId: p.id };
  }
  // One bank transaction settles one payment, never a second one.
  if (await txnUsed(tx, v.txnId)) return { outcome: "duplicate", paymentId: p.id };
  // A withdrawn or finished dossier takes no more money: the order is cancelled, and money taken goes back.
  if (closed && v.status === "success") {
    await tx.payment.update({
      where: { id: p.id },
      data: {
        status: "CANCELLED",
        failedAt: v.paidAt,
        gatewayTxnId: v.txnId,
        failureReason: paymentsText.refundReasonClosed,
        refundDueAt: new Date(),
      },
    });
    return { outcome: "refused", paymentId: p.id };
  }

  if (v.status === "failed") {
    await tx.payment.update({
      where: { id: p.id },
      data: { status: "FAILED", failedAt: v.paidAt, gatewayTxnId: v.txnId, failureReason: paymentsText.failureReason },
    });
    return { outcome: "failed", paymentId: p.id };
  }

  // Then the receipt series: always dossier, payment, series, so concurrent notifications cannot deadlock.
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
    email: d.applicant?.email ?? null,
    dossierId: p.dossier_id,
    title: paymentsText.notifyPaidTitle(d.code),
    body: paymentsText.notifyPaidBody(d.service.name, amount, receiptNo),
    link: dossierHref(d.code, DOSSIER_SECTION.payment),
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
