// The officer's use cases agree with what the page offers (lib/dossiers/officer-actions.ts): in every status, each
// action not offered is refused by its use case with the rule that refused it, and refusals name what is missing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { actOnDossier, apologize, assignDossier, transferDossier } from "@/lib/dossiers/officer";
import { offeredActions, OFFICER_ACTIONS, type OfficerAction } from "@/lib/dossiers/officer-actions";
import { viaSession } from "@/lib/auth/session-actor";
import { fileHcmDossier, signInAs } from "../support/filing";
import type { Status } from "@/lib/dossiers/status";

const fileDossier = () => fileHcmDossier();

const hcmOfficer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");

/** Each action as its use case is called, with everything it could need, so only the status can refuse it. */
function attempt(a: OfficerAction, code: string, version: number) {
  switch (a) {
    case "assign":
      return viaSession(assignDossier, { code, assigneeId: "" });
    case "transfer":
      return viaSession(transferDossier, { code, version, toAgency: "000.00.00.G15", reason: "Thuộc thẩm quyền Bộ Tư pháp" });
    case "apologize":
      return viaSession(apologize, { code, reason: "Cần xác minh thêm", newDate: "2099-12-31" });
    default:
      return viaSession(actOnDossier, {
        code,
        version,
        action: a,
        reason: "Lý do",
        papers: ["Giấy tờ"],
        amount: 50_000,
        result: { documentNumber: "1/QĐ", title: "Kết quả", body: "Nội dung", signerPosition: "CHỦ TỊCH", signerName: "Lê Văn Hùng" },
      });
  }
}

describe("the use cases refuse exactly what the page does not offer", () => {
  it("every status: each action not offered is refused as wrong_status, naming the status it is in", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    for (const status of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as Status[]) {
      const d = await db.dossier.update({ where: { id }, data: { status }, select: { version: true } });
      const offered = offeredActions({ status, holder: true, mayProcess: true });
      for (const a of OFFICER_ACTIONS.filter((x) => !offered.includes(x))) {
        const r = await attempt(a, code, d.version);
        expect(r, `${a} in status ${status}`).toMatchObject({ ok: false, reason: "dossier.wrong_status" });
        if (!r.ok) expect(r.message).toMatch(/hồ sơ đang ở trạng thái “/);
      }
    }
  });

  it("an offered action succeeds (receive, assign), and a stale form is a conflict that says someone else acted", async () => {
    const { code } = await fileDossier();
    await hcmOfficer();
    expect((await attempt("receive", code, 1)).ok).toBe(true);
    expect(await attempt("startProcessing", code, 1)).toMatchObject({ ok: false, code: "conflict", reason: "dossier.changed" });
    expect((await attempt("assign", code, 2)).ok).toBe(true);
  });
});

describe("refusals name what is missing", () => {
  it("finish names every blank field of the result, and nothing is signed", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    const d = await db.dossier.update({ where: { id }, data: { status: 4 }, select: { version: true } });
    const r = await viaSession(actOnDossier, { code, version: d.version, action: "finish", documentNumber: "15/QĐ-UBND", title: " " });
    expect(r).toMatchObject({ ok: false, reason: "dossier.missing_result" });
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["body", "signerName", "signerPosition", "title"]);
    expect(r.fieldErrors.title).toBe("Tên kết quả: vui lòng nhập.");
    expect(r.message).toBe("Chưa hoàn thành được: còn thiếu Tên kết quả, Nội dung kết quả, Chức vụ người ký, Họ tên người ký.");
    expect(await db.attachment.count({ where: { dossierId: id, purpose: "result" } })).toBe(0);
  });

  it("a request for papers names both the reason and the papers; fees name the amount", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    const d = await db.dossier.update({ where: { id }, data: { status: 4 }, select: { version: true } });
    const ask = await viaSession(actOnDossier, { code, version: d.version, action: "requestSupplement" });
    expect(ask).toMatchObject({ ok: false, reason: "dossier.missing_reason" });
    if (!ask.ok) {
      expect(ask.fieldErrors.reason).toMatch(/^Lý do yêu cầu bổ sung: vui lòng nhập lý do/);
      expect(ask.fieldErrors.papers).toMatch(/^Giấy tờ cần bổ sung: /);
    }
    const fees = await viaSession(actOnDossier, { code, version: d.version, action: "requestFees", amount: "năm mươi" });
    expect(fees).toMatchObject({ ok: false, fieldErrors: { amount: expect.stringMatching(/^Số tiền phải nộp \(đồng\): /) } });
    const zero = await viaSession(actOnDossier, { code, version: d.version, action: "requestFees", amount: "0" });
    expect(zero).toMatchObject({ ok: false, reason: "dossier.missing_amount", fieldErrors: { amount: expect.any(String) } });
    const stop = await viaSession(actOnDossier, { code, version: d.version, action: "stop", reason: "  " });
    expect(stop).toMatchObject({ ok: false, fieldErrors: { reason: expect.stringMatching(/^Lý do dừng xử lý: /) } });
  });
});
