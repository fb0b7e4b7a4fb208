// Feedback and petitions (phản ánh, kiến nghị; lib/feedback): routing, codes, the forward deadline, the
// second-officer rule, publication without personal data, permissions, and that no input gives a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { loadCalendar } from "@/lib/calendar/store";
import { dueDate } from "@/lib/calendar/working-days";
import { db } from "@/lib/db/client";
import {
  acceptFeedback,
  approveFeedbackAnswer,
  draftFeedbackAnswer,
  forwardFeedback,
  refuseFeedback,
  rerouteFeedback,
  sendBackFeedbackAnswer,
} from "@/lib/feedback/officer";
import { redact } from "@/lib/feedback/privacy";
import { feedbackStatsByAgency, getPublishedFeedback, searchPublishedFeedback } from "@/lib/feedback/public";
import { submitFeedback } from "@/lib/feedback/submit";
import { EXE_BYTES, PDF_BYTES, signInAs, signInCitizen } from "../support/filing";
import { fileHcmDossier } from "../support/filing";
import { mailsTo } from "../support/mail";
import { freshIp, request } from "../support/request";

const HCM = "000.00.00.H29";
const PASSWORD = "CanBoPakn2026";
let hcmId: number;
let caoBangId: number;

const anonymous = () => {
  request.sessionId = undefined;
  request.ip = freshIp();
};
const hcmOfficer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
const hcmSecond = () => signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");

const base = (over: Record<string, unknown> = {}) => ({
  topic: "procedure",
  title: "Thời hạn trả kết quả không đúng",
  content: "Tôi nộp hồ sơ xác nhận tình trạng hôn nhân nhưng đã quá hạn mà chưa nhận được kết quả.",
  name: "Đỗ Thị Hạnh",
  email: `hanh.${Math.random().toString(36).slice(2, 8)}@example.vn`,
  phone: "0911222333",
  procedureCode: "1.004873",
  agencyId: String(hcmId),
  consent: "on",
  files: [],
  ...over,
});

async function submitAnon(over: Record<string, unknown> = {}) {
  anonymous();
  const input = base(over);
  const r = await viaSession(submitFeedback, input);
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { ...r.data, email: input.email as string };
}

async function item(code: string) {
  return db.feedback.findUniqueOrThrow({ where: { code } });
}

beforeAll(async () => {
  hcmId = (await db.agency.findUniqueOrThrow({ where: { identifier: HCM } })).id;
  const cb = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.H14" } });
  caoBangId = cb.id;
  await db.user.upsert({
    where: { email: "canbo.caobang.pakn@example.vn" },
    update: {},
    create: {
      email: "canbo.caobang.pakn@example.vn",
      role: "OFFICER",
      fullName: "Cán bộ Cao Bằng",
      agencyId: cb.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});

describe("submission and routing", () => {
  it("gives a PAKN.YYYYMMDD.NNNN code, numbered per day, and routes to the agency named", async () => {
    const a = await submitAnon();
    const b = await submitAnon();
    expect(a.code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
    const row = await item(a.code);
    expect(row.agencyId).toBe(hcmId);
    expect(row.status).toBe("received");
    expect(row.submitterId).toBeNull();
    // The receipt e-mail is queued whether or not a relay is configured.
    expect((await mailsTo(a.email)).map((m) => m.subject).join()).toContain(a.code);
  });

  it("routes by procedure: to the one agency offering it, else to the VPCP (no agency)", async () => {
    const counts = await db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT p.code, count(DISTINCT s.agency_id) AS n FROM procedure p JOIN service s ON s.procedure_id = p.id AND s.published
      GROUP BY p.code ORDER BY p.code`;
    const single = counts.find((c) => c.n === 1n);
    const several = counts.find((c) => c.n > 1n);
    if (single) {
      const { code } = await submitAnon({ procedureCode: single.code, agencyId: "" });
      const service = await db.service.findFirstOrThrow({ where: { procedure: { code: single.code }, published: true } });
      expect((await item(code)).agencyId).toBe(service.agencyId);
    }
    expect(several).toBeDefined();
    const { code } = await submitAnon({ procedureCode: several!.code, agencyId: "" });
    expect((await item(code)).agencyId).toBeNull();
  });

  it("routes a signed-in citizen's feedback about their own dossier to the agency holding it; another's dossier is refused by field", async () => {
    const dossier = await fileHcmDossier();
    await signInCitizen();
    const r = await viaSession(submitFeedback, base({ dossierCode: dossier.code, agencyId: String(caoBangId), name: "", email: "" }));
    expect(r.ok).toBe(true);
    const row = await item(r.ok ? r.data.code : "");
    expect(row.agencyId).toBe(hcmId);
    expect(row.submitterName).toBe("Nguyễn Thị Minh Anh");
    expect(await db.notification.count({ where: { userId: row.submitterId!, title: { contains: row.code } } })).toBe(1);

    await signInAs("congdan2@dichvucong.example", "CongDan2@2026");
    const other = await viaSession(submitFeedback, base({ dossierCode: dossier.code }));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.fieldErrors.dossierCode).toBeTruthy();

    anonymous();
    const anon = await viaSession(submitFeedback, base({ dossierCode: dossier.code }));
    expect(!anon.ok && anon.fieldErrors.dossierCode).toBeTruthy();
  });

  it("refuses bad input by field, never with a 500: garbage, unknown procedure, wrong file type", async () => {
    anonymous();
    for (const raw of [
      null,
      42,
      "x",
      { topic: "x" },
      { ...base(), agencyId: "99999999999" },
      { ...base(), phone: "abc" },
      { ...base(), content: 5 },
    ]) {
      const r = await viaSession(submitFeedback, raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).not.toBe("unexpected");
    }
    const unknown = await viaSession(submitFeedback, base({ procedureCode: "9.999999" }));
    expect(!unknown.ok && unknown.fieldErrors.procedureCode).toBeTruthy();
    const exe = await viaSession(submitFeedback, base({ files: [{ name: "a.pdf", bytes: EXE_BYTES }] }));
    expect(!exe.ok && exe.fieldErrors.files).toBeTruthy();
    const noName = await viaSession(submitFeedback, base({ name: "", email: "khong-hop-le" }));
    expect(!noName.ok && noName.fieldErrors.email).toBeTruthy();

    const pdf = await viaSession(submitFeedback, base({ files: [{ name: "bien-nhan.pdf", bytes: PDF_BYTES }] }));
    expect(pdf.ok).toBe(true);
    const row = await db.feedback.findUniqueOrThrow({ where: { code: pdf.ok ? pdf.data.code : "" }, include: { attachments: true } });
    expect(row.attachments.map((a) => [a.fileName, a.contentType])).toEqual([["bien-nhan.pdf", "application/pdf"]]);
  });

  it("limits anonymous submissions per client", async () => {
    anonymous();
    let last;
    for (let i = 0; i < 11; i++) last = await viaSession(submitFeedback, base());
    expect(last!.ok).toBe(false);
    if (!last!.ok) expect(last!.code).toBe("rate_limited");
  });
});

describe("handling", () => {
  it("forward: due 5 working days after receipt, hands the item over with fresh deadlines; the VPCP reroutes", async () => {
    const { code } = await submitAnon();
    const row = await item(code);
    const cal = await loadCalendar(db, row.receivedAt);
    expect(row.forwardDueAt.getTime()).toBe(dueDate(row.receivedAt, 5, cal).dueAt.getTime());
    expect(row.dueAt.getTime()).toBe(dueDate(row.receivedAt, 10, cal).dueAt.getTime());

    await hcmOfficer();
    const noReason = await viaSession(forwardFeedback, { code, version: row.version, agencyId: caoBangId, reason: "" });
    expect(!noReason.ok && noReason.fieldErrors.reason).toBeTruthy();
    const fwd = await viaSession(forwardFeedback, { code, version: row.version, agencyId: caoBangId, reason: "Ngoài thẩm quyền" });
    expect(fwd.ok).toBe(true);
    if (fwd.ok) expect(fwd.data.late).toBe(false);
    const after = await item(code);
    expect([after.status, after.agencyId]).toEqual(["forwarded", caoBangId]);
    // HCM no longer holds it.
    const again = await viaSession(acceptFeedback, { code, version: after.version });
    expect(!again.ok && again.code).toBe("not_found");

    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const rr = await viaSession(rerouteFeedback, { code, version: after.version, agencyId: hcmId });
    expect(rr.ok).toBe(true);
    expect((await item(code)).agencyId).toBe(hcmId);
    // An officer cannot reroute.
    await hcmOfficer();
    const denied = await viaSession(rerouteFeedback, { code, version: after.version + 1, agencyId: caoBangId });
    expect(!denied.ok && denied.code).toBe("forbidden");
  });

  it("an answer is sent only after a SECOND officer approves; then published without personal data and searchable", async () => {
    const { code, email } = await submitAnon({
      content: "Tôi là Đỗ Thị Hạnh, số 0911222333, gửi về thời hạn giải quyết hồ sơ kết hôn quá chậm.",
    });
    await hcmOfficer();
    let v = (await item(code)).version;
    expect((await viaSession(acceptFeedback, { code, version: v })).ok).toBe(true);
    v = (await item(code)).version;
    // Public text still naming the submitter is refused.
    const leaky = await viaSession(draftFeedbackAnswer, {
      code,
      version: v,
      answer: "Cơ quan đã kiểm tra và sẽ trả kết quả trong tuần này.",
      publicTitle: "Thời hạn giải quyết hồ sơ",
      publicQuestion: "Bà Đỗ Thị Hạnh phản ánh thời hạn giải quyết chậm.",
      publicAnswer: "Cơ quan đã kiểm tra và chấn chỉnh bộ phận một cửa.",
    });
    expect(!leaky.ok && leaky.fieldErrors.publicQuestion).toBeTruthy();
    const question = redact("Tôi là Đỗ Thị Hạnh, số 0911222333, gửi về thời hạn giải quyết hồ sơ kết hôn quá chậm.", {
      names: ["Đỗ Thị Hạnh"],
      emails: [email],
    });
    expect(question).not.toMatch(/Hạnh|0911222333/);
    const draft = await viaSession(draftFeedbackAnswer, {
      code,
      version: v,
      answer: "Cơ quan đã kiểm tra và sẽ trả kết quả trong tuần này.",
      publicTitle: "Thời hạn giải quyết hồ sơ đăng ký kết hôn",
      publicQuestion: question,
      publicAnswer: "Ủy ban đã chấn chỉnh bộ phận tiếp nhận và trả kết quả đúng hẹn.",
    });
    expect(draft.ok).toBe(true);
    v = (await item(code)).version;
    // The author cannot approve their own answer; nothing is sent yet.
    const self = await viaSession(approveFeedbackAnswer, { code, version: v });
    expect(!self.ok && self.reason).toBe("feedback.same_officer");
    expect((await mailsTo(email)).some((m) => m.subject.startsWith("Trả lời"))).toBe(false);
    expect((await searchPublishedFeedback("chan chinh bo phan tiep nhan")).items.some((i) => i.code === code)).toBe(false);

    await hcmSecond();
    const ok = await viaSession(approveFeedbackAnswer, { code, version: v });
    expect(ok.ok).toBe(true);
    const row = await item(code);
    expect(row.status).toBe("published");
    expect(row.answeredAt).not.toBeNull();
    const mail = (await mailsTo(email)).find((m) => m.subject.startsWith("Trả lời"));
    expect(mail?.text).toContain("trả kết quả trong tuần này");

    // Searched without diacritics, like the catalog; nothing personal in what is published.
    const found = await searchPublishedFeedback("chan chinh bo phan tiep nhan");
    const hit = found.items.find((i) => i.code === code);
    expect(hit).toBeDefined();
    const published = await getPublishedFeedback(code);
    const all = JSON.stringify(published);
    for (const personal of ["Đỗ Thị Hạnh", "Hạnh", email, "0911222333"]) expect(all).not.toContain(personal);

    const stats = (await feedbackStatsByAgency()).find((s) => s.agencyId === hcmId)!;
    expect(stats.answered).toBeGreaterThanOrEqual(1);
    expect(stats.onTimeRate).not.toBeNull();
  });

  it("without consent the answer is sent but never published; a reviewer may send it back", async () => {
    const { code, email } = await submitAnon({ consent: "" });
    await hcmOfficer();
    await viaSession(acceptFeedback, { code, version: (await item(code)).version });
    await viaSession(draftFeedbackAnswer, { code, version: (await item(code)).version, answer: "Bản trả lời đầu tiên, chưa đầy đủ." });
    await hcmSecond();
    const back = await viaSession(sendBackFeedbackAnswer, { code, version: (await item(code)).version, note: "Bổ sung căn cứ pháp lý" });
    expect(back.ok).toBe(true);
    expect((await item(code)).answerState).toBe("returned");
    // The reviewer now writes the answer; the first officer approves it.
    await viaSession(draftFeedbackAnswer, { code, version: (await item(code)).version, answer: "Bản trả lời đã bổ sung căn cứ pháp lý." });
    await hcmOfficer();
    expect((await viaSession(approveFeedbackAnswer, { code, version: (await item(code)).version })).ok).toBe(true);
    const row = await item(code);
    expect([row.status, row.publishedAt]).toEqual(["answered", null]);
    expect(await getPublishedFeedback(code)).toBeNull();
    expect((await mailsTo(email)).some((m) => m.text.includes("đã bổ sung căn cứ pháp lý"))).toBe(true);
  });

  it("permissions: a citizen may not act, an anonymous visitor must sign in, another agency sees nothing, stale pages are refused", async () => {
    const { code } = await submitAnon();
    const v = (await item(code)).version;
    await signInCitizen();
    expect(await viaSession(acceptFeedback, { code, version: v })).toMatchObject({ ok: false, code: "forbidden" });
    anonymous();
    expect(await viaSession(refuseFeedback, { code, version: v, reason: "x" })).toMatchObject({ ok: false, code: "unauthenticated" });
    await signInAs("canbo.caobang.pakn@example.vn", PASSWORD);
    expect(await viaSession(acceptFeedback, { code, version: v })).toMatchObject({ ok: false, code: "not_found" });
    await hcmOfficer();
    expect(await viaSession(acceptFeedback, { code, version: v + 5 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await viaSession(acceptFeedback, { code: "PAKN.bad", version: v })).toMatchObject({ ok: false, code: "invalid" });
    const refused = await viaSession(refuseFeedback, { code, version: v, reason: "Nội dung không thuộc phạm vi phản ánh, kiến nghị." });
    expect(refused.ok).toBe(true);
    expect((await item(code)).refusalReason).toContain("không thuộc");
    expect(await viaSession(acceptFeedback, { code, version: v + 1 })).toMatchObject({ ok: false, reason: "feedback.wrong_status" });
  });
});
