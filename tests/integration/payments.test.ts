// Online fee payment (level 4) against the database: starting a payment, the gateway's signed IPN in VNPay's
// protocol (genuine, replayed, forged, wrong amount, unknown, failed), receipts, and who may do what.
// The findings of the payment review have their own regression tests in payments-ipn.test.ts.
import { getCurrentUser } from "@/lib/auth/current-user";
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerCitizen } from "@/lib/accounts/register";
import { db } from "@/lib/db/client";
import { verifyDossierChain } from "@/lib/dossiers/events";
import { applyTransition } from "@/lib/dossiers/transition";
import { submitDossier } from "@/lib/filing/submit";
import type { FormDefinition } from "@/lib/forms/definition";
import { handleIpn } from "@/lib/payments/callback";
import { paymentReceiptPdf, paymentsForDossier, startPayment } from "@/lib/payments/payments";
import { parseVnpDate } from "@/lib/payments/vnpay-protocol";
import { GET as ipnRoute } from "@/app/api/v1/thanh-toan/ket-qua/route";
import PaymentReturnPage from "@/app/(public)/thanh-toan/tro-ve/page";
import { GET as receiptRoute } from "@/app/(citizen)/ho-so-cua-toi/[code]/bien-lai/[paymentId]/route";
import { confirmPayment } from "@/app/(public)/thanh-toan/ngan-hang-mo-phong/actions";
import { levelFourServiceWithPapers, PDF_BYTES, signInAs, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { ipn, queryOf, redirectedTo } from "../support/payments";
import { viaSession } from "@/lib/auth/session-actor";

let service: { code: string; form: FormDefinition; fee: number };

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function me() {
  const u = await getCurrentUser();
  if (!u) throw new Error("not signed in");
  return u;
}

/** Files a level-4 dossier with a fee as the demo citizen. */
async function fileDossier(): Promise<{ id: string; code: string }> {
  await signInCitizen();
  const answers = validAnswers(service.form);
  for (const f of service.form.steps.flatMap((s) => s.fields).filter((x) => x.type === "file")) {
    const stored = await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `${f.id}.pdf`, bytes: PDF_BYTES });
    answers[f.id] = stored.id;
  }
  const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(r.message);
  return { id: r.data.dossierId, code: r.data.code };
}

/** A filed dossier with a started payment. */
async function pendingPayment() {
  const dossier = await fileDossier();
  const r = await viaSession(startPayment, { dossierId: dossier.id });
  if (!r.ok) throw new Error(r.message);
  return { dossier, paymentId: r.data.paymentId, amount: r.data.amount, url: r.data.url };
}

const signed = ipn;

/** What a notification did, and what the gateway was answered. */
async function rsp(q: Record<string, string>): Promise<[string, string]> {
  const r = await handleIpn(q);
  return [r.outcome, r.answer.RspCode];
}

/** Everything a callback could change about a dossier. */
async function snapshot(dossierId: string) {
  const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { paidAmount: true, status: true, version: true } });
  return {
    ...d,
    events: await db.dossierEvent.count({ where: { dossierId } }),
    notifications: await db.notification.count({ where: { dossierId } }),
    payments: await db.payment.findMany({
      where: { dossierId },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true, receiptNo: true, gatewayTxnId: true, paidAt: true },
    }),
  };
}

const callbacksOf = (paymentId: string) =>
  db.paymentCallback.findMany({ where: { paymentId }, orderBy: { id: "asc" }, select: { outcome: true, signatureValid: true } });

describe("starting a payment", () => {
  it("creates a pending payment of the amount due and reuses it on a second click", async () => {
    const dossier = await fileDossier();
    const a = await viaSession(startPayment, { dossierId: dossier.id });
    const b = await viaSession(startPayment, { dossierId: dossier.id });
    if (!a.ok || !b.ok) throw new Error("startPayment failed");
    expect(b.data.paymentId).toBe(a.data.paymentId);
    expect(a.data.amount).toBe(service.fee);
    expect(a.data.url.startsWith("http://localhost:3000/thanh-toan/ngan-hang-mo-phong?")).toBe(true);
    expect(queryOf(a.data.url)).toMatchObject({
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_Amount: String(service.fee * 100),
      vnp_CurrCode: "VND",
      vnp_TxnRef: a.data.paymentId.replace(/-/g, ""),
      vnp_Locale: "vn",
      vnp_ReturnUrl: "http://localhost:3000/thanh-toan/tro-ve",
      vnp_SecureHash: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
    const payments = await db.payment.findMany({ where: { dossierId: dossier.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: service.fee, status: "PENDING", gateway: "simulated" });
    expect(await db.auditEvent.count({ where: { action: "payment.start", entityId: a.data.paymentId } })).toBe(2);
  });

  it("refuses a level-3 dossier and one with nothing left to pay", async () => {
    const dossier = await fileDossier();
    await db.dossier.update({ where: { id: dossier.id }, data: { onlineLevel: 3 } });
    expect(await viaSession(startPayment, { dossierId: dossier.id })).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringContaining("bộ phận một cửa"),
    });
    await db.dossier.update({ where: { id: dossier.id }, data: { onlineLevel: 4, paidAmount: service.fee } });
    expect(await viaSession(startPayment, { dossierId: dossier.id })).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringContaining("không còn khoản"),
    });
    expect(await db.payment.count({ where: { dossierId: dossier.id } })).toBe(0);
  });
});

describe("the gateway's callback", () => {
  it("settles a genuine callback once: paid, receipt, event, notice; a replay changes nothing", async () => {
    const p = await pendingPayment();
    const before = await snapshot(p.dossier.id);
    const body = signed(p);
    expect(await rsp(body)).toEqual(["accepted", "00"]);

    const after = await snapshot(p.dossier.id);
    expect(after.paidAmount).toBe(service.fee);
    expect(after.status).toBe(1);
    expect(after.payments).toEqual([
      {
        id: p.paymentId,
        status: "PAID",
        receiptNo: expect.stringMatching(/^BL-\d{2}-\d{6}$/),
        gatewayTxnId: body.vnp_TransactionNo,
        paidAt: parseVnpDate(body.vnp_PayDate),
      },
    ]);
    expect(after.events).toBe(before.events + 1);
    expect(after.notifications).toBe(before.notifications + 1);
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: p.dossier.id }, orderBy: { seq: "desc" } });
    expect(event.action).toBe("pay");
    expect(event.data).toMatchObject({ paymentId: p.paymentId, amount: service.fee, receiptNo: after.payments[0]!.receiptNo });
    const notice = await db.notification.findFirstOrThrow({ where: { dossierId: p.dossier.id }, orderBy: { id: "desc" } });
    expect(notice.title).toContain("đã nhận thanh toán");
    expect(notice.body).toContain(after.payments[0]!.receiptNo!);
    expect(await db.$transaction((tx) => verifyDossierChain(tx, p.dossier.id))).toEqual([]);

    // The same message again (a retry, or an attacker replaying it).
    expect(await rsp(body)).toEqual(["duplicate", "02"]);
    // A second, genuine success for an already paid payment is no more money either.
    expect(await rsp(signed(p))).toEqual(["duplicate", "02"]);
    expect(await snapshot(p.dossier.id)).toEqual(after);
    expect((await callbacksOf(p.paymentId)).map((c) => c.outcome)).toEqual(["accepted", "duplicate", "duplicate"]);
    // Each verified callback went through the door with the gateway as its actor, and is audited.
    const audited = await db.auditEvent.findMany({ where: { action: "payment.confirm", entityId: p.paymentId }, orderBy: { id: "asc" } });
    expect(audited.map((e) => [e.actorKind, e.actorRef, e.actorId, e.outcome, e.entityType, e.details])).toEqual(
      ["accepted", "duplicate", "duplicate"].map((outcome, i) => [
        "gateway",
        "simulated",
        null,
        "ok",
        "payment",
        { outcome, amount: p.amount, txnId: i === 2 ? expect.any(String) : body.vnp_TransactionNo, gateway: "simulated" },
      ]),
    );
    // Nothing is left to pay.
    expect(await viaSession(startPayment, { dossierId: p.dossier.id })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("changes nothing for a forged signature, a wrong amount, an unknown or malformed notification, and logs each", async () => {
    const p = await pendingPayment();
    const before = await snapshot(p.dossier.id);
    const logged = await db.paymentCallback.count();

    // Signed for one amount, sent with another.
    const tampered = { ...signed(p, { vnp_Amount: "100000" }), vnp_Amount: String(p.amount * 100) };
    expect(await rsp(tampered)).toEqual(["bad_signature", "97"]);
    expect(await rsp({ ...signed(p), vnp_SecureHash: "0".repeat(128) })).toEqual(["bad_signature", "97"]);
    expect(await rsp(signed(p, { vnp_Amount: String((p.amount + 1) * 100) }))).toEqual(["amount_mismatch", "04"]);
    expect(await rsp(signed(p, { vnp_Amount: String(p.amount * 100 + 50) }))).toEqual(["amount_mismatch", "04"]);
    expect(await rsp(signed({ paymentId: randomUUID(), amount: p.amount }))).toEqual(["unknown_payment", "01"]);
    expect(await rsp(signed(p, { vnp_Amount: "nhiều" }))).toEqual(["malformed", "99"]);
    expect(await rsp({})).toEqual(["bad_signature", "97"]);

    expect(await snapshot(p.dossier.id)).toEqual(before);
    expect(before.payments[0]!.status).toBe("PENDING");
    expect(await db.paymentCallback.count()).toBe(logged + 7);
    expect(await callbacksOf(p.paymentId)).toEqual([
      { outcome: "bad_signature", signatureValid: false },
      { outcome: "bad_signature", signatureValid: false },
      { outcome: "amount_mismatch", signatureValid: true },
      { outcome: "amount_mismatch", signatureValid: true },
      { outcome: "malformed", signatureValid: true },
    ]);
    const unknown = await db.paymentCallback.findMany({ where: { outcome: "unknown_payment" }, orderBy: { id: "desc" }, take: 1 });
    expect(unknown[0]?.paymentId).toBeNull();

    // Still payable afterwards.
    expect(await rsp(signed(p))).toEqual(["accepted", "00"]);
  });

  it("marks a failed payment FAILED; a new payment then succeeds, and a late success for the failed one is refused", async () => {
    const p = await pendingPayment();
    const before = await snapshot(p.dossier.id);
    expect(await rsp(signed(p, { vnp_ResponseCode: "24", vnp_TransactionStatus: "02" }))).toEqual(["failed", "00"]);
    const failed = await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } });
    expect(failed.status).toBe("FAILED");
    expect(failed.failedAt).not.toBeNull();
    expect(failed.receiptNo).toBeNull();
    expect((await snapshot(p.dossier.id)).paidAmount).toBe(0);

    const retry = await viaSession(startPayment, { dossierId: p.dossier.id });
    if (!retry.ok) throw new Error(retry.message);
    expect(retry.data.paymentId).not.toBe(p.paymentId);
    expect(await rsp(signed(retry.data))).toEqual(["accepted", "00"]);
    expect(await rsp(signed(p))).toEqual(["duplicate", "02"]);

    const after = await snapshot(p.dossier.id);
    expect(after.paidAmount).toBe(service.fee);
    expect(after.payments.map((x) => x.status)).toEqual(["FAILED", "PAID"]);
    expect(after.events).toBe(before.events + 1);
    const listed = await paymentsForDossier(p.dossier.id);
    expect(listed.map((x) => [x.id, x.status])).toEqual([
      [retry.data.paymentId, "PAID"],
      [p.paymentId, "FAILED"],
    ]);
    expect(listed[0]!.gatewayLabel).toBe("Ngân hàng mô phỏng");
  });

  it("moves a dossier waiting for fees (status 6) back to processing once fully paid", async () => {
    const dossier = await fileDossier();
    const officer = await db.user.findUniqueOrThrow({ where: { email: "canbo.hcm@dichvucong.example" } });
    const o = { kind: "officer" as const, id: officer.id, role: officer.role, agencyId: officer.agencyId };
    await db.$transaction((tx) => applyTransition(tx, { dossierId: dossier.id, action: "receive", actor: o }));
    await db.$transaction((tx) =>
      applyTransition(tx, { dossierId: dossier.id, action: "requestFees", actor: o, payload: { amount: service.fee } }),
    );
    await signInCitizen();
    const r = await viaSession(startPayment, { dossierId: dossier.id });
    if (!r.ok) throw new Error(r.message);
    const before = await snapshot(dossier.id);
    expect(before.status).toBe(6);

    expect(await rsp(signed(r.data))).toEqual(["accepted", "00"]);
    const d = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, include: { events: { orderBy: { seq: "asc" } } } });
    expect(d.status).toBe(4);
    expect(d.paidAmount).toBe(service.fee);
    expect(d.events.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["pay", null, null],
      ["payFees", 6, 4],
    ]);
    expect(await db.notification.count({ where: { dossierId: dossier.id } })).toBe(before.notifications + 2);
    expect(await db.$transaction((tx) => verifyDossierChain(tx, dossier.id))).toEqual([]);
  });

  it("settles concurrent copies of one callback once, and gives concurrent payments distinct receipt numbers", async () => {
    const ps = [await pendingPayment(), await pendingPayment(), await pendingPayment()];
    const bodies = ps.map((p) => signed(p));
    // Each callback three times at once, all interleaved.
    const results = await Promise.all([...bodies, ...bodies, ...bodies].map((b) => handleIpn(b)));
    expect(results.filter((r) => r.outcome === "accepted")).toHaveLength(3);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(6);
    const paid = await db.payment.findMany({ where: { id: { in: ps.map((p) => p.paymentId) } } });
    expect(paid.every((x) => x.status === "PAID")).toBe(true);
    expect(new Set(paid.map((x) => x.receiptNo)).size).toBe(3);
    for (const p of ps) {
      const s = await snapshot(p.dossier.id);
      expect(s.paidAmount).toBe(service.fee);
      expect(await db.dossierEvent.count({ where: { dossierId: p.dossier.id, action: "pay" } })).toBe(1);
    }
  });
});

describe("over HTTP", () => {
  it("answers the gateway's IPN with VNPay's { RspCode, Message }", async () => {
    const p = await pendingPayment();
    const get = (q: Record<string, string>) =>
      ipnRoute(new Request(`http://localhost/api/v1/thanh-toan/ket-qua?${new URLSearchParams(q)}`));
    const bad = await get({ ...signed(p), vnp_SecureHash: "f".repeat(128) });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ RspCode: "97", Message: "Invalid signature" });
    const ok = await get(signed(p));
    expect(await ok.json()).toEqual({ RspCode: "00", Message: "Confirm Success" });
  });

  it("lets the simulated bank send its signed IPN server to server, then send the payer back to see the result", async () => {
    const p = await pendingPayment();
    // The bank's fetch to the portal's IPN address reaches the route handler directly.
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => ipnRoute(new Request(url, init)));
    const form = new FormData();
    form.set("q", new URL(p.url).search.slice(1));
    const redirect = await confirmPayment(form).then(
      () => null,
      (err: unknown) => (err as { digest?: string }).digest ?? null,
    );
    expect(redirect).toContain("/thanh-toan/tro-ve?");
    expect((await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } })).status).toBe("PAID");
    expect((await callbacksOf(p.paymentId)).map((c) => c.outcome)).toEqual(["accepted"]);
    const back = redirect!.split(";").find((x) => x.includes("/thanh-toan/tro-ve?"))!;
    expect(await redirectedTo(queryOf(back), PaymentReturnPage)).toBe(`/ho-so-cua-toi/${p.dossier.code}?thanh-toan=thanh-cong`);
  });
});

describe("receipts and other people's dossiers", () => {
  it("gives the applicant a PDF receipt and nobody else anything", async () => {
    const p = await pendingPayment();
    await handleIpn(signed(p));
    const receiptNo = (await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } })).receiptNo!;

    await signInCitizen();
    const pdf = await paymentReceiptPdf(await me(), p.paymentId);
    expect(pdf?.receiptNo).toBe(receiptNo);
    expect(new TextDecoder().decode(pdf!.bytes.subarray(0, 5))).toBe("%PDF-");
    const params = (code: string) => ({ params: Promise.resolve({ code, paymentId: p.paymentId }) });
    const res = await receiptRoute(new Request("http://localhost/"), params(p.dossier.code));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="bien-lai-${receiptNo}.pdf"`);
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 5))).toBe("%PDF-");
    // Under another dossier's code, the receipt is not there.
    expect((await receiptRoute(new Request("http://localhost/"), params("000.00.00.H29-260101-0001"))).status).toBe(404);

    // Another citizen: neither the payment nor the receipt exist for them.
    const n = String(Date.now() % 1_000_000).padStart(6, "0");
    const email = `nguoi.khac.${n}@example.com`;
    const reg = await viaSession(registerCitizen, {
      fullName: "Trần Văn Bình",
      cccd: `0011950${n.slice(1)}`,
      dateOfBirth: "1995-03-08",
      phone: "0987654321",
      email,
      password: "bảo mật hai không hai sáu",
      passwordConfirm: "bảo mật hai không hai sáu",
    });
    expect(reg).toMatchObject({ ok: true });
    await db.user.update({ where: { email }, data: { emailVerifiedAt: new Date() } }); // as if the e-mail's link was opened
    const unpaid = await fileDossier();
    await signInAs(email, "bảo mật hai không hai sáu");
    expect(await viaSession(startPayment, { dossierId: unpaid.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await paymentReceiptPdf(await me(), p.paymentId)).toBeNull();
    expect((await receiptRoute(new Request("http://localhost/"), params(p.dossier.code))).status).toBe(404);
    expect(await db.payment.count({ where: { dossierId: unpaid.id } })).toBe(0);

    // An officer may not pay at all.
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await viaSession(startPayment, { dossierId: unpaid.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await paymentReceiptPdf(await me(), p.paymentId)).toBeNull();
  });
});
