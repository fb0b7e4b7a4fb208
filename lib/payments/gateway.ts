// What the portal needs from a payment gateway: where to send the payer, and how to tell a genuine result
// notification (IPN) from a forged or garbled one. Every gateway speaks VNPay's 2.1.0 protocol today: VNPay
// itself (vnpay.ts) and the simulated bank that stands in for it in the demo and the tests.

/** A notification whose signature the gateway has checked; the portal still checks order, amount and status. */
export interface VerifiedCallback {
  paymentId: string;
  /** The gateway's own transaction id. */
  txnId: string;
  /** Whole đồng; -1 when the gateway's amount is not a whole number of đồng (never matches). */
  amount: number;
  status: "success" | "failed";
  paidAt: Date;
}

export type CallbackRejection = { error: "bad_signature" | "malformed" | "unknown_payment" };

export interface PaymentOrder {
  paymentId: string;
  /** Whole đồng. */
  amount: number;
  description: string;
  /** Absolute address the gateway sends the payer's browser back to. */
  returnUrl: string;
  /** The payer's address, as the gateway wants it. */
  ipAddr: string;
  now?: Date;
}

export interface PaymentGateway {
  /** Stored in payment.gateway. */
  id: string;
  /** Shown to citizens and printed on receipts. */
  label: string;
  /** The signed address of the gateway's payment page for this order. */
  startUrl(order: PaymentOrder): string;
  /** A server-to-server notification's query parameters. */
  verifyCallback(query: Readonly<Record<string, string>>): VerifiedCallback | CallbackRejection;
  /** Whether a browser return's parameters carry the gateway's signature (for display only; it never settles). */
  verifyReturn(query: Readonly<Record<string, string>>): boolean;
}
