// VNPay's 2.1.0 protocol as the portal speaks it (a known signing vector, computed once from the documented
// algorithm: sorted vnp_* parameters, form-encoded with '+' for spaces, HMAC-SHA512 in hex), and the refusal
// to start production with the simulated bank or a demo secret.
import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "@/instrumentation";
import { log } from "@/lib/ops/log";
import { productionPaymentProblems } from "@/lib/payments/config";
import { orderParams, readNotification } from "@/lib/payments/vnpay";
import {
  hasValidSignature,
  hmacSha512Hex,
  parseVnpDate,
  paymentIdOf,
  paymentUrl,
  queryParams,
  signData,
  signedQuery,
  txnRefOf,
  vnpDate,
} from "@/lib/payments/vnpay-protocol";

// A production start also asks the database for demo accounts (tests/integration/ops-demo-accounts.test.ts);
// this unit test has no database, and is about the payment settings.
vi.mock("@/lib/ops/demo-accounts", () => ({ demoAccountProblems: async () => [] }));

const SECRET = "VECTORSECRETVECTORSECRETVECTOR32";
const PAYMENT_ID = "3f0b6c1e-9a7d-4e2b-8c5a-1d0e6f7a8b9c";
const ORDER = {
  paymentId: PAYMENT_ID,
  amount: 25_000,
  description: "Nộp phí, lệ phí hồ sơ 000.00.00.H29-261206-0001",
  returnUrl: "https://dichvucong.example/thanh-toan/tro-ve",
  ipAddr: "203.0.113.7",
  now: new Date("2026-12-06T07:30:00Z"),
};
const VECTOR_DATA =
  "vnp_Amount=2500000&vnp_Command=pay&vnp_CreateDate=20261206143000&vnp_CurrCode=VND&vnp_ExpireDate=20261206144500" +
  "&vnp_IpAddr=203.0.113.7&vnp_Locale=vn&vnp_OrderInfo=N%E1%BB%99p+ph%C3%AD%2C+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+000.00.00.H29-261206-0001" +
  "&vnp_OrderType=billpayment&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.example%2Fthanh-toan%2Ftro-ve&vnp_TmnCode=DEMOV210" +
  "&vnp_TxnRef=3f0b6c1e9a7d4e2b8c5a1d0e6f7a8b9c&vnp_Version=2.1.0";
const VECTOR_HASH =
  "4de801e9b64ecf034cbc286b5a39cd8067d8087a2240c5a233bc146d4e4d5fcce6fc1e941262488307052ef148042f0f7199aa8418eab89e6706c12f9fd0f566";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("signing (VNPay 2.1.0)", () => {
  it("signs the payment URL as the documented algorithm does (known vector)", () => {
    const params = orderParams({ tmnCode: "DEMOV210" }, ORDER);
    expect(signData(params)).toBe(VECTOR_DATA);
    expect(hmacSha512Hex(SECRET, VECTOR_DATA)).toBe(VECTOR_HASH);
    expect(paymentUrl("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", params, SECRET)).toBe(
      `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?${VECTOR_DATA}&vnp_SecureHash=${VECTOR_HASH}`,
    );
  });

  it("verifies every vnp_* parameter but the hash and its type, in constant time, and nothing else", () => {
    const q = queryParams(new URLSearchParams(signedQuery(orderParams({ tmnCode: "DEMOV210" }, ORDER), SECRET)));
    expect(hasValidSignature(q, SECRET)).toBe(true);
    expect(hasValidSignature({ ...q, vnp_SecureHashType: "HmacSHA512", other: "x" }, SECRET)).toBe(true);
    expect(hasValidSignature({ ...q, vnp_SecureHash: q.vnp_SecureHash!.toUpperCase() }, SECRET)).toBe(true);
    expect(hasValidSignature({ ...q, vnp_Amount: "2500001" }, SECRET)).toBe(false);
    expect(hasValidSignature({ ...q, vnp_Extra: "" }, SECRET)).toBe(false);
    expect(hasValidSignature(q, `${SECRET}x`)).toBe(false);
    expect(hasValidSignature({ ...q, vnp_SecureHash: "abc" }, SECRET)).toBe(false);
  });

  it("reads a notification: success only when both codes are 00, amounts in hundredths, unknown terminals refused", () => {
    const cfg = { choice: "vnpay" as const, tmnCode: "DEMOV210", hashSecret: SECRET, paymentUrl: "https://x.example" };
    const base = {
      vnp_Amount: "2500000",
      vnp_PayDate: "20261206143512",
      vnp_ResponseCode: "00",
      vnp_TmnCode: "DEMOV210",
      vnp_TransactionNo: "14831393",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: txnRefOf(PAYMENT_ID),
    };
    const read = (over: Record<string, string> = {}) =>
      readNotification(cfg, queryParams(new URLSearchParams(signedQuery({ ...base, ...over }, SECRET))));
    expect(read()).toEqual({
      paymentId: PAYMENT_ID,
      txnId: "14831393",
      amount: 25_000,
      status: "success",
      paidAt: new Date("2026-12-06T07:35:12Z"),
    });
    expect(read({ vnp_TransactionStatus: "02" })).toMatchObject({ status: "failed" });
    expect(read({ vnp_ResponseCode: "24" })).toMatchObject({ status: "failed" });
    expect(read({ vnp_Amount: "2500050" })).toMatchObject({ amount: -1 });
    expect(read({ vnp_TmnCode: "OTHER" })).toEqual({ error: "unknown_payment" });
    expect(readNotification(cfg, base)).toEqual({ error: "bad_signature" });
  });

  it("writes and reads VNPay's dates in GMT+7, and order references", () => {
    expect(vnpDate(new Date("2026-12-31T17:00:00Z"))).toBe("20270101000000");
    expect(parseVnpDate("20270101000000")).toEqual(new Date("2026-12-31T17:00:00Z"));
    expect(parseVnpDate("20270231000000")).toBeNull();
    expect(parseVnpDate(undefined)).toBeNull();
    expect(paymentIdOf(txnRefOf(PAYMENT_ID))).toBe(PAYMENT_ID);
    expect(paymentIdOf("not-a-ref")).toBeNull();
  });
});

describe("production start", () => {
  const good = {
    VNPAY_TMN_CODE: "PORTAL01",
    VNPAY_HASH_SECRET: "Q".repeat(8) + "7Zk2Lm9Px4Rt6Vw8Yb3Nc5Hd",
    VNPAY_PAYMENT_URL: "https://pay.vnpay.vn/vpcpay.html",
  };

  it("lists why a configuration must not serve production", () => {
    expect(productionPaymentProblems({ NODE_ENV: "production", PAYMENT_GATEWAY: "simulator" })).toEqual([
      expect.stringContaining("simulated bank"),
    ]);
    expect(productionPaymentProblems({ PORTAL_ENV: "production", PAYMENT_GATEWAY: "simulator" })).toHaveLength(1);
    expect(
      productionPaymentProblems({
        NODE_ENV: "production",
        PAYMENT_GATEWAY: "vnpay",
        ...good,
        VNPAY_HASH_SECRET: "development-only-simulated-gateway-secret",
      }),
    ).toEqual([expect.stringContaining("demo, default")]);
    expect(productionPaymentProblems({ NODE_ENV: "production", PAYMENT_GATEWAY: "vnpay" })).toHaveLength(3);
    expect(productionPaymentProblems({ NODE_ENV: "production", PAYMENT_GATEWAY: "vnpay", ...good })).toEqual([]);
    // The demo serves a production build and says it is the demo; development and tests are not production.
    expect(productionPaymentProblems({ NODE_ENV: "production", PORTAL_ENV: "demo", PAYMENT_GATEWAY: "simulator" })).toEqual([]);
    expect(productionPaymentProblems({ NODE_ENV: "development", PAYMENT_GATEWAY: "simulator" })).toEqual([]);
  });

  it("production start with the simulator on is refused, and says why", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PORTAL_ENV", "");
    vi.stubEnv("PAYMENT_GATEWAY", "simulator");
    vi.stubEnv("JOBS_IN_WEB", "off");
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const said = vi.spyOn(log, "fatal").mockImplementation(() => {});
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(said.mock.calls[0]![1])).toContain("PAYMENT_GATEWAY=simulator");

    // The same server as the demo starts it.
    vi.stubEnv("PORTAL_ENV", "demo");
    await expect(register()).resolves.toBeUndefined();
  });
});
