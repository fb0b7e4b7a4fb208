// Regression tests of the payment review ("Trustworthy with a nation's dossiers"), one per finding: the
// gateway's IPN in VNPay's protocol settles exactly once and only when genuine; the return URL never settles;
// the simulated bank acts only on a URL the portal signed; a withdrawn or finished dossier takes no money.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { viaSession } from "@/lib/auth/session-actor";
import type { FormDefinition } from "@/lib/forms/definition";
import { db } from "@/lib/db/client";
import { withdrawDossier } from "@/lib/dossiers/citizen";
import { submitDossier } from "@/lib/filing/submit";
import { handleIpn } from "@/lib/payments/callback";
import { paymentsForDossier, startPayment } from "@/lib/payments/payments";
import { readSimulatedOrder } from "@/lib/payments/simulated";
import PaymentReturnPage from "@/app/(public)/thanh-toan/tro-ve/page";
import { confirmPayment } from "@/app/(public)/thanh-toan/ngan-hang-mo-phong/actions";
import { levelFourServiceWithPapers, PDF_BYTES, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { ipn, queryOf, redirectedTo } from "../support/payments";

let service: { code: string; form: FormDefinition; fee: number };

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fileDossier(): Promise<{ id: string; code: string }> {
  await signInCitizen();
  const answers = validAnswers(service.form);
  for (const f of service.form.steps.flatMap((s) => s.fields).filter((x) => x.type === "file")) {
    answers[f.id] = (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `${f.id}.pdf`, bytes: PDF_BYTES })).id;
  }
  const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(r.message);
  return { id: r.data.dossierId, code: r.data.code };
}

async function pendingPayment() {
  const dossier = await fileDossier();
  const r = await viaSession(startPayment, { dossierId: dossier.id });
  if (!r.ok) throw new Error(r.message);
  return { dossier, paymentId: r.data.paymentId, amount: r.data.amount, url: r.data.url };
}

/** Everything a notification could change: the dossier's money and history, the payment. */
async function state(p: { dossier: { id: string }; paymentId: string }) {
  return {
    dossier: await db.dossier.findUniqueOrThrow({ where: { id: p.dossier.id }, select: { paidAmount: true, status: true, version: true } }),
    events: await db.dossierEvent.count({ where: { dossierId: p.dossier.id } }),
    payment: await db.payment.findUniqueOrThrow({
      where: { id: p.paymentId },
      select: { status: true, receiptNo: true, gatewayTxnId: true, paidAt: true, refundDueAt: true },
    }),
  };
}

async function withdraw(code: string) {
  const d = await db.dossier.findFirstOrThrow({ where: { code }, select: { version: true } });
  await signInCitizen();
  const r = await viaSession(withdrawDossier, { code, version: d.version });
  if (!r.ok) throw new Error(r.message);
}

describe("the gateway's IPN (VNPay protocol)", () => {
  it("forged IPN: a bad signature changes nothing and is answered 97", async () => {
    const p = await pendingPayment();
    const before = await state(p);
    const genuine = ipn(p);
    expect((await handleIpn({ ...genuine, vnp_SecureHash: "a".repeat(128) })).answer).toEqual({
      RspCode: "97",
      Message: "Invalid signature",
    });
    // Signed for a small amount, then raised: the signature no longer matches.
    const cheap = ipn(p, { vnp_Amount: "100000" });
    expect((await handleIpn({ ...cheap, vnp_Amount: String(p.amount * 100) })).answer.RspCode).toBe("97");
    // Signed with another secret.
    const { vnp_SecureHash: _drop, ...unsigned } = genuine;
    expect((await handleIpn(unsigned)).answer.RspCode).toBe("97");
    expect(await state(p)).toEqual(before);
  });

  it("replayed IPN: answered 02 and changes nothing", async () => {
    const p = await pendingPayment();
    const q = ipn(p);
    expect((await handleIpn(q)).answer.RspCode).toBe("00");
    const after = await state(p);
    expect((await handleIpn(q)).answer).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect((await handleIpn(ipn(p))).answer.RspCode).toBe("02");
    expect(await state(p)).toEqual(after);
  });

  it("wrong amount: answered 04 and changes nothing", async () => {
    const p = await pendingPayment();
    const before = await state(p);
    expect((await handleIpn(ipn(p, { vnp_Amount: String((p.amount - 1000) * 100) }))).answer).toEqual({
      RspCode: "04",
      Message: "Invalid amount",
    });
    expect(await state(p)).toEqual(before);
  });

  it("unknown order: answered 01", async () => {
    expect((await handleIpn(ipn({ paymentId: randomUUID(), amount: 10_000 }))).answer).toEqual({
      RspCode: "01",
      Message: "Order not found",
    });
    expect((await handleIpn(ipn({ paymentId: randomUUID(), amount: 10_000 }, { vnp_TxnRef: "DH-khong-ton-tai" }))).answer.RspCode).toBe(
      "01",
    );
  });

  it("valid IPN: settles exactly once with a receipt", async () => {
    const p = await pendingPayment();
    const q = ipn(p);
    expect(await Promise.all([handleIpn(q), handleIpn(q)]).then((rs) => rs.map((r) => r.answer.RspCode).sort())).toEqual(["00", "02"]);
    const s = await state(p);
    expect(s.payment).toMatchObject({
      status: "PAID",
      receiptNo: expect.stringMatching(/^BL-\d{2}-\d{6}$/),
      gatewayTxnId: q.vnp_TransactionNo,
    });
    expect(s.dossier.paidAmount).toBe(p.amount);
    expect(await db.dossierEvent.count({ where: { dossierId: p.dossier.id, action: "pay" } })).toBe(1);
  });
});

describe("the browser's side", () => {
  it("return URL never settles: a signed success shown to the payer changes no money", async () => {
    const p = await pendingPayment();
    const before = await state(p);
    expect(await redirectedTo(ipn(p), PaymentReturnPage)).toBe(`/ho-so-cua-toi/${p.dossier.code}?thanh-toan=cho-xac-nhan`);
    expect(await state(p)).toEqual(before);
    // Unsigned, it shows nothing about any dossier.
    const forged = { vnp_TxnRef: p.paymentId.replace(/-/g, ""), vnp_ResponseCode: "00", vnp_TransactionStatus: "00" };
    expect(await redirectedTo(forged, PaymentReturnPage)).toBe("/ho-so-cua-toi");
  });

  it("simulated bank: knowing a payment id is not enough to mark it paid", async () => {
    const p = await pendingPayment();
    const before = await state(p);
    vi.stubGlobal("fetch", () => Promise.reject(new Error("the bank must not call the portal")));
    const { vnp_SecureHash: _drop, ...unsigned } = queryOf(p.url);
    expect(readSimulatedOrder(unsigned)).toBeNull();
    expect(readSimulatedOrder({ ...queryOf(p.url), vnp_Amount: "100" })).toBeNull();
    const form = new FormData();
    form.set("q", `vnp_TxnRef=${p.paymentId.replace(/-/g, "")}&vnp_Amount=${p.amount * 100}`);
    await confirmPayment(form).catch(() => null);
    expect(await state(p)).toEqual(before);
    // And with the simulator off (production), not even the portal's own signed URL opens it.
    vi.stubEnv("PAYMENT_GATEWAY", "");
    try {
      expect(readSimulatedOrder(queryOf(p.url))).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("withdrawn and finished dossiers", () => {
  it("paying a withdrawn dossier is refused: at start, and at settlement (money taken is marked for refund)", async () => {
    const p = await pendingPayment();
    await withdraw(p.dossier.code);
    // The open order was cancelled with the dossier; a new one cannot be started.
    expect(await viaSession(startPayment, { dossierId: p.dossier.id })).toMatchObject({ ok: false, code: "invalid" });
    // The bank took the money anyway (the payer was on its page): no credit, no receipt, due back.
    const q = ipn(p);
    expect((await handleIpn(q)).answer.RspCode).toBe("02");
    const s = await state(p);
    expect(s.dossier.paidAmount).toBe(0);
    expect(s.payment).toMatchObject({
      status: "CANCELLED",
      receiptNo: null,
      gatewayTxnId: q.vnp_TransactionNo,
      refundDueAt: expect.any(Date),
    });
    expect((await paymentsForDossier(p.dossier.id))[0]!.refundDueAt).toBeInstanceOf(Date);
  });

  it("a finished dossier's pending payment is refused at settlement", async () => {
    const p = await pendingPayment();
    await db.dossier.update({ where: { id: p.dossier.id }, data: { status: 9 } });
    expect((await handleIpn(ipn(p))).answer.RspCode).toBe("02");
    const s = await state(p);
    expect(s.dossier.paidAmount).toBe(0);
    expect(s.payment).toMatchObject({ status: "CANCELLED", receiptNo: null, refundDueAt: expect.any(Date) });
  });

  it("a dossier withdrawn after being paid marks its payment for refund", async () => {
    const p = await pendingPayment();
    expect((await handleIpn(ipn(p))).answer.RspCode).toBe("00");
    await withdraw(p.dossier.code);
    const s = await state(p);
    expect(s.payment).toMatchObject({ status: "PAID", refundDueAt: expect.any(Date) });
    const [listed] = await paymentsForDossier(p.dossier.id);
    expect(listed).toMatchObject({ status: "PAID", refundDueAt: expect.any(Date) });
  });
});
