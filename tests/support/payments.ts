// VNPay-protocol notifications as the configured gateway (the simulator in tests) would sign them.
import { gatewayConfig } from "@/lib/payments/config";
import { queryParams, signedQuery, txnRefOf, vnpDate } from "@/lib/payments/vnpay-protocol";

let txn = 0;

/** A signed IPN query for a payment; `over` replaces parameters before signing. */
export function ipn(p: { paymentId: string; amount: number }, over: Record<string, string> = {}, at: Date = new Date()) {
  txn += 1;
  const cfg = gatewayConfig();
  if (!cfg) throw new Error("no payment gateway configured in tests");
  const params = {
    vnp_Amount: String(p.amount * 100),
    vnp_BankCode: "NCB",
    vnp_CardType: "ATM",
    vnp_OrderInfo: "Nộp phí, lệ phí hồ sơ",
    vnp_PayDate: vnpDate(at),
    vnp_ResponseCode: "00",
    vnp_TmnCode: cfg.tmnCode,
    vnp_TransactionNo: `${Date.now()}${txn}`,
    vnp_TransactionStatus: "00",
    vnp_TxnRef: txnRefOf(p.paymentId),
    ...over,
  };
  return queryParams(new URLSearchParams(signedQuery(params, cfg.hashSecret)));
}

/** The query of a URL as a record (first value of each key). */
export function queryOf(url: string): Record<string, string> {
  return queryParams(new URL(url, "http://localhost").searchParams);
}

/** Where the payment return page sends the browser, for a return query. */
export async function redirectedTo(
  query: Record<string, string>,
  page: (p: { searchParams: Promise<Record<string, string>> }) => Promise<never>,
) {
  const digest = await page({ searchParams: Promise.resolve(query) }).then(
    () => null,
    (err: unknown) => (err as { digest?: string }).digest ?? null,
  );
  return digest?.split(";")[2] ?? null;
}
