// Help (issue 18): the FAQ use cases (lib/help/faq.ts) — who may edit, what is refused, the version check, the
// audit — the catalog-like search, the seeded general questions, and the page a "report a problem" link filed.
import { describe, expect, it } from "vitest";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { submitFeedback } from "@/lib/feedback/submit";
import { deleteFaq, faqsForProcedure, listFaqs, saveFaq, searchFaqs } from "@/lib/help/faq";
import { signInAs, signInCitizen } from "../support/filing";
import { freshIp, request } from "../support/request";

const admin = () => signInAs("quantri@vpcp.example", "VanPhong@2026");
const officer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
const tag = () => Math.random().toString(36).slice(2, 8);

describe("FAQ", () => {
  it("is seeded with general questions about the portal", async () => {
    const all = await listFaqs();
    expect(all.some((f) => f.procedure === null && /theo dõi hồ sơ/.test(f.question))).toBe(true);
  });

  it("only catalog administrators may edit; a refusal is audited", async () => {
    request.sessionId = undefined;
    request.ip = freshIp();
    const input = { question: "Câu hỏi của khách vãng lai?", answer: "Không được lưu." };
    expect(await viaSession(saveFaq, input)).toMatchObject({ ok: false, code: "unauthenticated" });
    await signInCitizen();
    expect(await viaSession(saveFaq, input)).toMatchObject({ ok: false, code: "forbidden" });
    const { userId } = await officer();
    expect(await viaSession(saveFaq, input)).toMatchObject({ ok: false, code: "forbidden" });
    const denied = await db.auditEvent.findFirst({
      where: { actorId: userId, action: "catalog.faq", outcome: "denied" },
      orderBy: { id: "desc" },
    });
    expect(denied).not.toBeNull();
    expect(await db.faq.count({ where: { question: input.question } })).toBe(0);
  });

  it("validates each field, naming it, and refuses an unknown procedure", async () => {
    await admin();
    const short = await viaSession(saveFaq, { question: "Hả", answer: "x", procedureCode: "1001193", position: "-1" });
    expect(short.ok).toBe(false);
    if (short.ok) return;
    expect(Object.keys(short.fieldErrors).sort()).toEqual(["answer", "position", "procedureCode", "question"]);
    const unknown = await viaSession(saveFaq, { question: "Thủ tục không có thật?", answer: "Không lưu được.", procedureCode: "9.999999" });
    expect(unknown).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { procedureCode: expect.stringContaining("không tìm thấy") },
    });
  });

  it("saves a question about a procedure, audited, shown for it and found without diacritics", async () => {
    const { userId } = await admin();
    const t = tag();
    const saved = await viaSession(saveFaq, {
      question: `Giấy chứng sinh bị mất thì đăng ký khai sinh thế nào ${t}?`,
      answer: "Xem thành phần hồ sơ trên trang thủ tục: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh.",
      procedureCode: "1.001193",
      position: "5",
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.data.version).toBe(1);
    expect((await faqsForProcedure("1.001193")).map((f) => f.id)).toContain(saved.data.id);
    const found = await searchFaqs(`giay chung sinh bi mat ${t}`);
    expect(found.items[0]).toMatchObject({ id: saved.data.id, procedure: { code: "1.001193" } });
    const audit = await db.auditEvent.findFirst({ where: { action: "catalog.saveFaq", entityId: String(saved.data.id) } });
    expect(audit).toMatchObject({ actorId: userId, outcome: "ok", entityType: "faq" });
  });

  it("refuses an edit or a removal made from a stale version, and a missing question", async () => {
    await admin();
    const created = await viaSession(saveFaq, { question: `Câu hỏi sẽ sửa ${tag()}?`, answer: "Bản đầu tiên." });
    if (!created.ok) throw new Error(created.message);
    const { id } = created.data;
    const first = await viaSession(saveFaq, { id: String(id), version: "1", question: "Câu hỏi đã sửa lần một?", answer: "Bản thứ hai." });
    expect(first).toMatchObject({ ok: true, data: { id, version: 2 } });
    // A second editor who read version 1 too.
    const stale = await viaSession(saveFaq, {
      id: String(id),
      version: "1",
      question: "Câu hỏi sửa song song?",
      answer: "Mất bản thứ hai.",
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.faq.findUnique({ where: { id } })).toMatchObject({ question: "Câu hỏi đã sửa lần một?", version: 2 });
    expect(await viaSession(saveFaq, { id: String(id), question: "Không có phiên bản?", answer: "Bị từ chối." })).toMatchObject({
      ok: false,
    });
    expect(await viaSession(deleteFaq, { id: String(id), version: "1" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await viaSession(deleteFaq, { id: String(id), version: "2" })).toMatchObject({ ok: true });
    expect(await viaSession(deleteFaq, { id: String(id), version: "2" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(saveFaq, { id: "2147483000", version: "1", question: "Câu hỏi đã xóa?", answer: "Không còn." })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("report a problem", () => {
  it("files the page it came from, and refuses an address off the site", async () => {
    request.sessionId = undefined;
    request.ip = freshIp();
    const base = {
      topic: "procedure",
      title: "Báo lỗi trên một trang của Cổng",
      content: "Trang thủ tục hiển thị sai thời hạn giải quyết so với giấy tiếp nhận.",
      name: "Lê Văn Bình",
      email: `binh.${tag()}@example.vn`,
      procedureCode: "1.001193",
      files: [],
    };
    const bad = await viaSession(submitFeedback, { ...base, sourcePage: "https://evil.example/x" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { sourcePage: expect.any(String) } });
    request.ip = freshIp();
    const r = await viaSession(submitFeedback, { ...base, sourcePage: "/thu-tuc/1.001193.000.00.00.H29" });
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
    expect(await db.feedback.findUnique({ where: { code: r.data.code }, select: { sourcePage: true } })).toEqual({
      sourcePage: "/thu-tuc/1.001193.000.00.00.H29",
    });
  });
});
