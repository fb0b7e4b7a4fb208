// Online fee payment (level 4): starting a payment of what a dossier still owes, settling it from the
// gateway's signed callback, and the electronic receipt. A callback changes money only when it is genuine,
// fresh, for a pending payment and for exactly its amount; every callback, accepted or not, is kept in
// payment_callback as the reconciliation trail.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { CITIZEN_SIDE, requireVisibleDossier, visibleDossiersWhere } from "@/lib/dossiers/visibility";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { renderPaymentReceipt, type PaymentReceiptLine } from "@/lib/pdf/payment-receipt";
import { gatewayConfig, returnUrl } from "./config";
import type { PaymentGateway } from "./gateway";
import { SIMULATED_GATEWAY_ID, simulatedGateway } from "./simulated";
import { vnpayGateway } from "./vnpay";
import { paymentIdOf } from "./vnpay-protocol";

const GATEWAYS: Record<string, PaymentGateway> = { [simulatedGateway.id]: simulatedGateway, [vnpayGateway.id]: vnpayGateway };

/** The gateway new payments and notifications go through, as configured (PAYMENT_GATEWAY); null when none is. */
export function activeGateway(): PaymentGateway | null {
  const choice = gatewayConfig()?.choice;
  return choice === "simulator" ? simulatedGateway : choice === "vnpay" ? vnpayGateway : null;
}

/** The payer's address as VNPay takes it (an IPv4 or IPv6 literal). */
function payerIp(ip: string): string {
  return /^[0-9a-fA-F.:]{2,45}$/.test(ip) ? ip : "127.0.0.1";
}

function gatewayLabel(id: string): string {
  return GATEWAYS[id]?.label ?? id;
}

import { PAYABLE_STATUSES } from "./payable";

export { canPayOnline } from "./payable";

// ─── Starting a payment ────────────────────────────────────────────────────────────────────────────

const PaymentStart = z.object({ dossierId: z.uuid() });

interface StartedPayment {
  paymentId: string;
  amount: number;
  /** Where to send the payer's browser. */
  url: string;
}

export const startPayment = defineUseCase({
  name: "payment.start",
  permission: "dossier.file",
  schema: PaymentStart,
  entityType: "payment",
  async run({ dossierId }, { tx, user: signedIn, meta }) {
    const user = signedIn!;
    // Someone else's dossier reads as not found: its existence is not revealed.
    await requireVisibleDossier(user, { id: dossierId }, { as: ["owner"], client: tx });
    // Locked so that two clicks at once reuse one pending payment instead of creating two.
    const [d] = await tx.$queryRaw<{ code: string; status: number; online_level: number; fee_amount: number; paid_amount: number }[]>`
      SELECT code, status, online_level, fee_amount, paid_amount FROM dossier WHERE id = ${dossierId}::uuid FOR UPDATE`;
    if (!d) throw new AppError("not_found", dossierText.notFound);
    if (d.online_level !== 4) throw new AppError("invalid", paymentsText.notOnline);
    if (!(PAYABLE_STATUSES as readonly number[]).includes(d.status)) throw new AppError("invalid", paymentsText.wrongStatus);
    const amount = d.fee_amount - d.paid_amount;
    if (amount <= 0) throw new AppError("invalid", paymentsText.nothingDue);

    const gateway = activeGateway();
    if (!gateway) throw new AppError("invalid", paymentsText.unavailable);
    const pending = await tx.payment.findFirst({
      where: { dossierId, status: "PENDING", amount, gateway: gateway.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    const payment = pending ?? (await tx.payment.create({ data: { dossierId, amount, gateway: gateway.id }, select: { id: true } }));
    const url = gateway.startUrl({
      paymentId: payment.id,
      amount,
      description: paymentsText.description(d.code),
      returnUrl: returnUrl(),
      ipAddr: payerIp(meta.ip),
    });
    return {
      result: { paymentId: payment.id, amount, url } satisfies StartedPayment,
      entityId: payment.id,
      details: { dossierId, code: d.code, amount, gateway: gateway.id, reused: pending !== null },
    };
  },
});

// ─── Reading ───────────────────────────────────────────────────────────────────────────────────────

export interface PaymentSummary {
  id: string;
  amount: number;
  status: "PENDING" | "PAID" | "FAILED" | "CANCELLED";
  gatewayLabel: string;
  receiptNo: string | null;
  createdAt: Date;
  paidAt: Date | null;
  failedAt: Date | null;
  /** Money the gateway took that must go back to the payer (the dossier was withdrawn or closed). */
  refundDueAt: Date | null;
}

/** A dossier's payments, newest first. The caller has already established that the reader may see the dossier. */
export async function paymentsForDossier(dossierId: string): Promise<PaymentSummary[]> {
  const rows = await db.payment.findMany({
    where: { dossierId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      amount: true,
      status: true,
      gateway: true,
      receiptNo: true,
      createdAt: true,
      paidAt: true,
      failedAt: true,
      refundDueAt: true,
    },
  });
  return rows.map(({ gateway, ...r }) => ({ ...r, gatewayLabel: gatewayLabel(gateway) }));
}

export interface BankOrder {
  paymentId: string;
  amount: number;
  status: PaymentSummary["status"];
  merchant: string;
  description: string;
}

/**
 * The order as the simulated bank shows it. The bank page is reached by the payment's unguessable id,
 * as a real bank's page is by its token, and shows nothing about the person.
 */
export async function simulatedBankOrder(paymentId: string): Promise<BankOrder | null> {
  if (!z.uuid().safeParse(paymentId).success) return null;
  const p = await db.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      amount: true,
      status: true,
      gateway: true,
      dossier: { select: { code: true, receivingAgency: { select: { name: true } } } },
    },
  });
  if (!p || p.gateway !== SIMULATED_GATEWAY_ID) return null;
  return {
    paymentId: p.id,
    amount: p.amount,
    status: p.status,
    merchant: p.dossier.receivingAgency.name,
    description: paymentsText.description(p.dossier.code),
  };
}

interface FeeSnapshot {
  channel?: { fees?: PaymentReceiptLine[] };
  /** The fee computed at filing (lib/forms/fees): its lines are what was owed, when there was no reduction. */
  computed?: { total?: number; reduction?: unknown; lines?: { label: string; subtotal: number }[] };
}

/** The receipt of a paid payment, for the dossier's applicant only; anyone else (or an unpaid payment) gets null. */
export async function paymentReceiptPdf(
  user: CurrentUser | null,
  paymentId: string,
): Promise<{ bytes: Uint8Array; receiptNo: string; dossierCode: string } | null> {
  if (!user || !can(user, "dossier.readOwn") || !z.uuid().safeParse(paymentId).success) return null;
  const p = await db.payment.findFirst({
    where: { id: paymentId, status: "PAID", dossier: visibleDossiersWhere(user, CITIZEN_SIDE) },
    include: {
      dossier: {
        select: {
          code: true,
          applicantName: true,
          feeSnapshot: true,
          service: { select: { name: true } },
          receivingAgency: { select: { name: true } },
        },
      },
    },
  });
  if (!p || !p.receiptNo || !p.paidAt || !p.gatewayTxnId) return null;
  // The fee schedule's own lines when this payment settled all of it; otherwise one line for what was paid.
  const snapshot = p.dossier.feeSnapshot as FeeSnapshot | null;
  const computed = snapshot?.computed?.lines && !snapshot.computed.reduction ? snapshot.computed.lines : null;
  const fees = (computed ? computed.map((l) => ({ description: l.label, amount: l.subtotal })) : (snapshot?.channel?.fees ?? [])).filter(
    (f) => Number.isSafeInteger(f.amount) && f.amount > 0,
  );
  const lines =
    fees.length > 0 && fees.reduce((s, f) => s + f.amount, 0) === p.amount
      ? fees.map((f) => ({ description: f.description, amount: f.amount }))
      : [{ description: paymentsText.receiptLine(p.dossier.code), amount: p.amount }];
  const bytes = await renderPaymentReceipt({
    receiptNumber: p.receiptNo,
    agencyName: p.dossier.receivingAgency.name,
    payerName: p.dossier.applicantName,
    dossierCode: p.dossier.code,
    serviceName: p.dossier.service.name,
    lines,
    paidAt: p.paidAt,
    channelLabel: paymentsText.receiptChannel(gatewayLabel(p.gateway)),
    transactionId: p.gatewayTxnId,
  });
  return { bytes, receiptNo: p.receiptNo, dossierCode: p.dossier.code };
}

/**
 * Where the payer's browser goes when the gateway sends it back: the dossier's page with the result the portal
 * recorded (paid; awaiting the bank's notification; not paid). Nothing here changes a payment.
 */
export async function paymentReturn(query: Readonly<Record<string, string>>): Promise<string> {
  const gateway = activeGateway();
  const paymentId = paymentIdOf(query.vnp_TxnRef);
  if (!gateway || !paymentId || !gateway.verifyReturn(query)) return "/ho-so-cua-toi";
  const p = await db.payment.findUnique({ where: { id: paymentId }, select: { status: true, dossier: { select: { code: true } } } });
  if (!p) return "/ho-so-cua-toi";
  const bankSaysPaid = query.vnp_ResponseCode === "00" && query.vnp_TransactionStatus === "00";
  const result = p.status === "PAID" ? "thanh-cong" : p.status === "PENDING" && bankSaysPaid ? "cho-xac-nhan" : "that-bai";
  return `/ho-so-cua-toi/${p.dossier.code}?thanh-toan=${result}`;
}
