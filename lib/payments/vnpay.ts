// The adapter for VNPay's payment gateway (protocol 2.1.0), configured by VNPAY_TMN_CODE, VNPAY_HASH_SECRET
// and VNPAY_PAYMENT_URL. The simulated bank is the same adapter pointed at a page on this site: one protocol,
// one verifier, whichever bank is behind it.
import { paymentsText } from "@/lib/i18n/vi/payments";
import { gatewayConfig, type GatewayConfig } from "./config";
import type { CallbackRejection, PaymentGateway, PaymentOrder, VerifiedCallback } from "./gateway";
import { hasValidSignature, parseVnpDate, paymentIdOf, paymentUrl, txnRefOf, VNP_VERSION, vnpDate } from "./vnpay-protocol";

/** How long the payer has on the gateway's page. */
const ORDER_VALIDITY_MS = 15 * 60_000;

/** The order as VNPay's payment URL carries it (before signing). */
export function orderParams(cfg: Pick<GatewayConfig, "tmnCode">, o: PaymentOrder): Record<string, string> {
  const now = o.now ?? new Date();
  return {
    vnp_Version: VNP_VERSION,
    vnp_Command: "pay",
    vnp_TmnCode: cfg.tmnCode,
    vnp_Amount: String(o.amount * 100),
    vnp_CurrCode: "VND",
    vnp_TxnRef: txnRefOf(o.paymentId),
    vnp_OrderInfo: o.description,
    // VNPay's category for bill payments.
    vnp_OrderType: "billpayment",
    vnp_Locale: "vn",
    vnp_ReturnUrl: o.returnUrl,
    vnp_IpAddr: o.ipAddr,
    vnp_CreateDate: vnpDate(now),
    vnp_ExpireDate: vnpDate(new Date(now.getTime() + ORDER_VALIDITY_MS)),
  };
}

/** A verified notification's meaning: the order, VNPay's transaction, the amount in đồng, and the result. */
export function readNotification(cfg: GatewayConfig, q: Readonly<Record<string, string>>): VerifiedCallback | CallbackRejection {
  if (!hasValidSignature(q, cfg.hashSecret)) return { error: "bad_signature" };
  // Signed with our secret but for another terminal: not an order of ours.
  if (q.vnp_TmnCode !== cfg.tmnCode) return { error: "unknown_payment" };
  const paymentId = paymentIdOf(q.vnp_TxnRef);
  if (!paymentId) return { error: "unknown_payment" };
  const txnId = q.vnp_TransactionNo ?? "";
  const raw = q.vnp_Amount ?? "";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(txnId) || !/^\d{1,17}$/.test(raw)) return { error: "malformed" };
  const hundredths = Number(raw);
  const amount = hundredths % 100 === 0 ? hundredths / 100 : -1;
  const success = q.vnp_ResponseCode === "00" && q.vnp_TransactionStatus === "00";
  return { paymentId, txnId, amount, status: success ? "success" : "failed", paidAt: parseVnpDate(q.vnp_PayDate) ?? new Date() };
}

export function vnpayProtocolGateway(id: string, label: string, cfg: () => GatewayConfig): PaymentGateway {
  return {
    id,
    label,
    startUrl: (o) => {
      const c = cfg();
      return paymentUrl(c.paymentUrl, orderParams(c, o), c.hashSecret);
    },
    verifyCallback: (q) => readNotification(cfg(), q),
    verifyReturn: (q) => hasValidSignature(q, cfg().hashSecret),
  };
}

/** VNPay itself, when PAYMENT_GATEWAY=vnpay and its three settings are present. */
export const vnpayGateway = vnpayProtocolGateway("vnpay", paymentsText.vnpayGatewayLabel, () => {
  const c = gatewayConfig();
  if (c?.choice !== "vnpay")
    throw new Error("VNPay is not configured (PAYMENT_GATEWAY, VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAYMENT_URL)");
  return c;
});
