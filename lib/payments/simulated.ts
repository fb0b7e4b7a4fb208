// The simulated bank ("Ngân hàng mô phỏng"), on only when PAYMENT_GATEWAY=simulator (the demo and the tests;
// a production start refuses it). It stands in for VNPay's payment page and speaks VNPay's protocol: it accepts
// only a payment URL the portal signed, and tells the portal the result with an IPN signed with the configured
// secret, then sends the payer back with VNPay's signed return parameters.
import { randomBytes } from "node:crypto";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { gatewayConfig, type GatewayConfig } from "./config";
import { vnpayProtocolGateway } from "./vnpay";
import { hasValidSignature, paymentIdOf, signedQuery, vnpDate } from "./vnpay-protocol";

export const SIMULATED_GATEWAY_ID = "simulated";

function simulatorConfig(): GatewayConfig {
  const c = gatewayConfig();
  if (c?.choice !== "simulator") throw new Error("the simulated bank is off (PAYMENT_GATEWAY is not simulator)");
  return c;
}

function simulatorEnabled(): boolean {
  return gatewayConfig()?.choice === "simulator";
}

export const simulatedGateway = vnpayProtocolGateway(SIMULATED_GATEWAY_ID, paymentsText.simulatedGatewayLabel, simulatorConfig);

/** An order as the simulated bank's page received it: only one the portal signed, for this terminal. */
export interface SimulatedOrder {
  paymentId: string;
  amount: number;
  description: string;
  returnUrl: string;
  params: Record<string, string>;
}

export function readSimulatedOrder(params: Readonly<Record<string, string>>): SimulatedOrder | null {
  if (!simulatorEnabled()) return null;
  const c = simulatorConfig();
  if (!hasValidSignature(params, c.hashSecret) || params.vnp_TmnCode !== c.tmnCode || params.vnp_Command !== "pay") return null;
  const paymentId = paymentIdOf(params.vnp_TxnRef);
  const amount = Number(params.vnp_Amount) / 100;
  if (!paymentId || !Number.isSafeInteger(amount) || amount <= 0 || !params.vnp_ReturnUrl) return null;
  return { paymentId, amount, description: params.vnp_OrderInfo ?? "", returnUrl: params.vnp_ReturnUrl, params: { ...params } };
}

/** The signed result the bank reports, as VNPay's IPN and return parameters carry it. */
export function simulatedResult(order: SimulatedOrder, outcome: "success" | "cancelled", now: Date = new Date()): string {
  const c = simulatorConfig();
  const ok = outcome === "success";
  return signedQuery(
    {
      vnp_Amount: order.params.vnp_Amount ?? "",
      vnp_BankCode: "MOPHONG",
      vnp_CardType: "ATM",
      vnp_OrderInfo: order.description,
      vnp_PayDate: vnpDate(now),
      // 24: the customer cancelled the transaction (VNPay's code).
      vnp_ResponseCode: ok ? "00" : "24",
      vnp_TmnCode: c.tmnCode,
      vnp_TransactionNo: `${Date.now()}${randomBytes(3).toString("hex").toUpperCase()}`,
      vnp_TransactionStatus: ok ? "00" : "02",
      vnp_TxnRef: order.params.vnp_TxnRef ?? "",
    },
    c.hashSecret,
  );
}
