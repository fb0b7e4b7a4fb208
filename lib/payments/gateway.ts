// What the portal needs from a payment gateway: where to send the payer, and how to tell a genuine,
// fresh result notification (callback) from a forged, garbled or replayed-late one. Real banks plug in here.

/** A callback whose signature and freshness the gateway has checked; the portal still checks the amount. */
export interface VerifiedCallback {
  paymentId: string;
  /** The gateway's own transaction id. */
  txnId: string;
  /** Whole đồng. */
  amount: number;
  status: "success" | "failed";
  paidAt: Date;
}

export type CallbackRejection = { error: "bad_signature" | "malformed" | "stale" };

export interface PaymentGateway {
  /** Stored in payment.gateway. */
  id: string;
  /** Shown to citizens and printed on receipts. */
  label: string;
  /** The page where the payer confirms the payment (absolute for an external bank, or a path on this site). */
  startUrl(p: { paymentId: string; amount: number; description: string; returnUrl: string }): string;
  verifyCallback(body: unknown): VerifiedCallback | CallbackRejection;
}
