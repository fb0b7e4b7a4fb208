// Integration tests of the one-stop forms 02–05: the control sheet read from a dossier's real events, the PDFs rendered
// from them (text extracted with pdfjs), and the scopes: another agency's officer and another citizen get nothing.
import { randomUUID } from "node:crypto";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { FormDefinition } from "@/lib/forms/definition";
import { addDays, localDate } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { findVisibleDossier } from "@/lib/dossiers/visibility";
import {
  applicantFormPdf,
  controlSheetRows,
  officerControlSheet,
  officerControlSheetPdf,
  officerFormPdf,
} from "@/lib/dossiers/control-sheet";
import { appendEvent } from "@/lib/dossiers/events";
import { applyTransition, lockDossier, type TransitionActor } from "@/lib/dossiers/transition";
import { submitDossier } from "@/lib/filing/submit";
import { FORM_TITLE } from "@/lib/pdf/one-stop-forms";
import { GET as citizenFormRoute } from "@/app/(citizen)/ho-so-cua-toi/[code]/phieu/[seq]/route";
import { GET as officerFormRoute } from "@/app/(officer)/can-bo/ho-so/[code]/phieu/[seq]/route";
import { GET as controlSheetRoute } from "@/app/(officer)/can-bo/ho-so/[code]/phieu-kiem-soat/pdf/route";
import { levelFourServiceWithPapers, PDF_BYTES, PNG_BYTES, signInAs, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { request } from "../support/request";
import { viaSession } from "@/lib/auth/session-actor";

const OFFICER_EMAIL = "canbo.hcm@dichvucong.example";
const OFFICER_PASSWORD = "CanBo@2026";
const OTHER_PASSWORD = "PhieuMotCua@2026";
const OTHER_OFFICER = "canbo.caobang.phieu@example.vn";
const OTHER_CITIZEN = "congdan.khac.phieu@example.vn";
const PAPERS = ["Bản sao Giấy chứng sinh có chứng thực", "Ảnh chụp rõ nét Căn cước công dân của người đi đăng ký"];
const SUPPLEMENT_REASON = "Ảnh chụp giấy tờ tùy thân bị mờ, không đọc được số định danh.";
const REFUSAL_REASON = "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân thành phố.";
const APOLOGY_REASON = "Cần xác minh thêm thông tin với cơ quan đăng ký cư trú nơi thường trú.";

let service: { code: string; form: FormDefinition; fee: number };
let citizenId: string;
let officer: TransitionActor & { id: string };
let applicant: TransitionActor;
/** The supplemented dossier (receive → requestSupplement → supply → apologize) and the refused one. */
let main: { id: string; code: string };
let refused: { id: string; code: string };
const NEW_DATE = addDays(localDate(new Date()), 20);

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  const u = await getCurrentUser();
  if (!u) throw new Error("no signed-in user");
  return u;
}

/** The demo citizen files a dossier with one paper per file field, as tests/integration/filing.test.ts does. */
async function fileDossier(): Promise<{ id: string; code: string }> {
  await signInCitizen();
  const answers = validAnswers(service.form);
  const fileFields = service.form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file");
  for (const [i, f] of fileFields.entries()) {
    const stored = await uploadPaper({
      serviceCode: service.code,
      fieldId: f.id,
      fileName: `giay-to-${i}.pdf`,
      bytes: i % 2 ? PNG_BYTES : PDF_BYTES,
    });
    answers[f.id] = stored.id;
  }
  const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(r.message);
  return { id: r.data.dossierId, code: r.data.code };
}

/** All text of a PDF, whitespace collapsed (see tests/unit/pdf.test.ts). */
async function extractText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const chunks: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) chunks.push(item.str);
  }
  await pdf.destroy();
  return chunks.join(" ").replace(/\s+/g, " ");
}

const vnDate = (iso: string) => iso.split("-").reverse().join("/");
const routeArgs = (code: string, seq?: number | string) => ({ params: Promise.resolve({ code, seq: String(seq ?? "") }) });
const anyRequest = () => new Request("http://localhost/");

/** What a route threw when it redirected or refused (Next's control-flow errors carry a digest). */
async function digestOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return String((err as { digest?: unknown }).digest ?? err);
  }
  return "no error";
}

async function eventSeq(dossierId: string, action: string): Promise<number> {
  return (await db.dossierEvent.findFirstOrThrow({ where: { dossierId, action }, orderBy: { seq: "desc" } })).seq;
}

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
  citizenId = (await signInCitizen()).userId;
  applicant = { kind: "applicant", id: citizenId, role: "CITIZEN" };
  const o = await db.user.findUniqueOrThrow({ where: { email: OFFICER_EMAIL } });
  officer = { kind: "officer", id: o.id, role: o.role, agencyId: o.agencyId };
  const caoBang = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.H14" } });
  const passwordHash = await hashPassword(OTHER_PASSWORD);
  // Upserts: the integration files share one database, and a rerun must not trip over the accounts.
  await db.user.upsert({
    where: { email: OTHER_OFFICER },
    update: {},
    create: { email: OTHER_OFFICER, role: "OFFICER", fullName: "Hoàng Văn Khánh", agencyId: caoBang.id, passwordHash },
  });
  await db.user.upsert({
    where: { email: OTHER_CITIZEN },
    update: {},
    create: { email: OTHER_CITIZEN, role: "CITIZEN", fullName: "Đỗ Thị Lan", passwordHash },
  });

  main = await fileDossier();
  const step = (input: Omit<Parameters<typeof applyTransition>[1], "dossierId">) =>
    db.$transaction((tx) => applyTransition(tx, { dossierId: main.id, ...input }));
  await step({ action: "receive", actor: officer });
  await step({ action: "requestSupplement", actor: officer, payload: { reason: SUPPLEMENT_REASON, papers: PAPERS } });
  await step({ action: "supply", actor: applicant, note: "Đã tải lên bản chụp rõ nét." });
  // The apology is not a transition: it is recorded on the chain as the officer workspace records it.
  await db.$transaction(async (tx) => {
    await lockDossier(tx, main.id);
    await appendEvent(tx, {
      dossierId: main.id,
      action: "apologize",
      actorId: officer.id,
      actorRole: officer.role,
      agencyId: officer.agencyId,
      note: APOLOGY_REASON,
      data: { newDate: NEW_DATE },
    });
  });

  refused = await fileDossier();
  await db.$transaction((tx) =>
    applyTransition(tx, { dossierId: refused.id, action: "refuse", actor: officer, payload: { reason: REFUSAL_REASON } }),
  );
});

describe("driving the dossier", () => {
  it("lets the state machine refuse what it must on the way", async () => {
    // Processing (4): refusing reception is no longer possible, and only the applicant supplies papers.
    await expect(
      db.$transaction((tx) => applyTransition(tx, { dossierId: main.id, action: "refuse", actor: officer, payload: { reason: "Muộn" } })),
    ).rejects.toThrow(/hồ sơ đang ở trạng thái “Đang xử lý”, thao tác này chỉ làm được khi hồ sơ ở trạng thái “Mới đăng ký”/);
    await expect(
      db.$transaction((tx) => applyTransition(tx, { dossierId: main.id, action: "startProcessing", actor: applicant })),
    ).rejects.toThrow(/không có quyền/);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: main.id } })).status).toBe(4);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe(3);
  });
});

describe("controlSheetRows (form 05)", () => {
  it("gives one hand-over per event, in order: who gave it to whom, when, and the status after", async () => {
    const sheet = await controlSheetRows(main.id);
    expect(sheet).not.toBeNull();
    if (!sheet) return;
    const events = await db.dossierEvent.findMany({ where: { dossierId: main.id }, orderBy: { seq: "asc" } });
    expect(sheet.code).toBe(main.code);
    expect(sheet.rows.map((r) => r.seq)).toEqual(events.map((e) => e.seq));
    expect(sheet.rows.map((r) => r.action)).toEqual(["submit", "receive", "requestSupplement", "supply", "apologize"]);
    expect(sheet.rows.map((r) => r.actionLabel)).toEqual([
      "Nộp hồ sơ trực tuyến",
      "Tiếp nhận hồ sơ",
      "Yêu cầu bổ sung, hoàn thiện hồ sơ",
      "Công dân bổ sung giấy tờ",
      "Thư xin lỗi và hẹn lại ngày trả kết quả",
    ]);
    // The apology changes no status: the row shows the status the dossier stayed in.
    expect(sheet.rows.map((r) => r.status)).toEqual([1, 2, 5, 4, 4]);
    expect(sheet.rows.map((r) => r.statusName)).toEqual([
      "Mới đăng ký",
      "Được tiếp nhận",
      "Yêu cầu bổ sung giấy tờ",
      "Đang xử lý",
      "Đang xử lý",
    ]);

    const hcm = "Ủy ban nhân dân thành phố Hồ Chí Minh";
    const citizen = { agency: null, person: "Nguyễn Thị Minh Anh", role: "Người nộp hồ sơ" };
    const binh = { agency: hcm, person: "Trần Văn Bình", role: "Cán bộ" };
    expect(sheet.rows.map((r) => r.from)).toEqual([citizen, binh, binh, citizen, binh]);
    // Each step goes to whoever acted next; after the last one the dossier waits at the agency holding it.
    expect(sheet.rows.map((r) => r.to)).toEqual([binh, binh, citizen, binh, { agency: hcm, person: null, role: null }]);

    // Each step starts when the one before it ended.
    expect(sheet.rows.map((r) => r.end.getTime())).toEqual(events.map((e) => e.at.getTime()));
    expect(sheet.rows[0]!.start.getTime()).toBe(events[0]!.at.getTime());
    for (let i = 1; i < events.length; i++) expect(sheet.rows[i]!.start.getTime()).toBe(events[i - 1]!.at.getTime());

    expect(sheet.rows[2]!.note).toBe(SUPPLEMENT_REASON);
    expect(sheet.rows[4]!.note).toBe(APOLOGY_REASON);
    const d = await db.dossier.findUniqueOrThrow({ where: { id: main.id } });
    expect(sheet.dueAt?.getTime()).toBe(d.dueAt!.getTime());
    // Everything happened today, well before the due date the supply step restarted.
    for (const r of sheet.rows) {
      expect(r.beforeDue).toBe(true);
      expect(["early", "onTime"]).toContain(r.timing);
    }
  });

  it("names the applicant as the one a refusal goes back to", async () => {
    const sheet = await controlSheetRows(refused.id);
    expect(sheet?.rows.map((r) => [r.action, r.status])).toEqual([
      ["submit", 1],
      ["refuse", 3],
    ]);
    expect(sheet?.rows[1]?.to).toEqual({ agency: null, person: "Nguyễn Thị Minh Anh", role: "Người nộp hồ sơ" });
    expect(sheet?.rows[1]?.note).toBe(REFUSAL_REASON);
  });

  it("names the receiving agency of a transfer, and the sending agency keeps reading the sheet", async () => {
    const moved = await fileDossier();
    await db.$transaction((tx) => applyTransition(tx, { dossierId: moved.id, action: "receive", actor: officer }));
    const target = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G15" } });
    // Recorded as lib/dossiers/officer's transferDossier records it: a transfer row, the new holder, a chained event.
    await db.$transaction(async (tx) => {
      await lockDossier(tx, moved.id);
      await tx.dossier.update({ where: { id: moved.id }, data: { holderAgencyId: target.id, version: { increment: 1 } } });
      await tx.dossierTransfer.create({
        data: {
          dossierId: moved.id,
          fromAgencyId: officer.agencyId!,
          toAgencyId: target.id,
          byId: officer.id,
          reason: "Thuộc thẩm quyền của Bộ",
        },
      });
      await appendEvent(tx, {
        dossierId: moved.id,
        action: "transfer",
        actorId: officer.id,
        actorRole: officer.role,
        agencyId: officer.agencyId,
        note: "Thuộc thẩm quyền của Bộ",
        data: { from: "Ủy ban nhân dân thành phố Hồ Chí Minh", to: target.name, toIdentifier: target.identifier },
      });
    });
    await signInAs(OFFICER_EMAIL, OFFICER_PASSWORD);
    const sheet = await officerControlSheet(await currentUser(), moved.code);
    expect(sheet?.rows.map((r) => r.action)).toEqual(["submit", "receive", "transfer"]);
    expect(sheet?.rows[2]?.to).toEqual({ agency: target.name, person: null, role: null });
    expect(sheet?.rows[2]?.actionLabel).toBe("Chuyển cơ quan giải quyết");
    expect(sheet?.holderAgencyName).toBe(target.name);
  });
});

describe("the PDFs", () => {
  it("form 05 lists every hand-over with the national header", async () => {
    await signInAs(OFFICER_EMAIL, OFFICER_PASSWORD);
    const pdf = await officerControlSheetPdf(await currentUser(), main.code);
    expect(pdf?.form).toBe("05");
    const text = await extractText(pdf!.bytes);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain(FORM_TITLE.controlSheet);
    expect(text).toContain(main.code);
    for (const s of [
      "Nguyễn Thị Minh Anh",
      "Trần Văn Bình",
      "Tiếp nhận hồ sơ",
      "Yêu cầu bổ sung giấy tờ",
      "Đang xử lý",
      "Bên giao",
      "Bên nhận",
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Trước hạn|Đúng hạn/);

    const res = await controlSheetRoute(anyRequest(), routeArgs(main.code));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("form 02 names the papers to add, the reason and the officer", async () => {
    const seq = await eventSeq(main.id, "requestSupplement");
    await signInCitizen();
    const pdf = await applicantFormPdf(await currentUser(), main.code, seq);
    expect(pdf?.form).toBe("02");
    const text = await extractText(pdf!.bytes);
    expect(text).toContain(FORM_TITLE.supplement);
    expect(text).toContain(main.code);
    for (const p of PAPERS) expect(text).toContain(p);
    expect(text).toContain(SUPPLEMENT_REASON);
    expect(text).toContain("Trần Văn Bình");
    expect(text).toContain("Nguyễn Thị Minh Anh");

    const res = await citizenFormRoute(anyRequest(), routeArgs(main.code, seq));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(`phieu-yeu-cau-bo-sung-${main.code}-${seq}.pdf`);
  });

  it("form 03 states the reason for refusing", async () => {
    const seq = await eventSeq(refused.id, "refuse");
    await signInCitizen();
    const text = await extractText((await applicantFormPdf(await currentUser(), refused.code, seq))!.bytes);
    expect(text).toContain(FORM_TITLE.refusal);
    expect(text).toContain(refused.code);
    expect(text).toContain(REFUSAL_REASON);

    await signInAs(OFFICER_EMAIL, OFFICER_PASSWORD);
    const res = await officerFormRoute(anyRequest(), routeArgs(refused.code, seq));
    expect(res.status).toBe(200);
    expect(await extractText(new Uint8Array(await res.arrayBuffer()))).toContain(REFUSAL_REASON);
  });

  it("form 04 states the reason for the delay and the new return date", async () => {
    const seq = await eventSeq(main.id, "apologize");
    await signInAs(OFFICER_EMAIL, OFFICER_PASSWORD);
    const pdf = await officerFormPdf(await currentUser(), main.code, seq);
    expect(pdf?.form).toBe("04");
    const text = await extractText(pdf!.bytes);
    expect(text).toContain(FORM_TITLE.apology);
    expect(text).toContain(main.code);
    expect(text).toContain(APOLOGY_REASON);
    expect(text).toContain(`Ngày ${vnDate(NEW_DATE)}`);
  });

  it("issues no form for an event that does not issue one, or that does not exist", async () => {
    await signInCitizen();
    const user = await currentUser();
    expect(await applicantFormPdf(user, main.code, await eventSeq(main.id, "receive"))).toBeNull();
    expect(await applicantFormPdf(user, main.code, await eventSeq(main.id, "supply"))).toBeNull();
    expect(await applicantFormPdf(user, main.code, 999)).toBeNull();
    expect(await applicantFormPdf(user, main.code, 0)).toBeNull();
    expect((await citizenFormRoute(anyRequest(), routeArgs(main.code, "1e0"))).status).toBe(404);
    expect((await citizenFormRoute(anyRequest(), routeArgs(main.code, 1))).status).toBe(404);
  });
});

describe("who may get the forms", () => {
  it("another agency's officer finds nothing: no dossier, no sheet, no forms, 404 from every route", async () => {
    await signInAs(OTHER_OFFICER, OTHER_PASSWORD);
    const other = await currentUser();
    expect(other.agencyId).not.toBe(officer.agencyId);
    const supplementSeq = await eventSeq(main.id, "requestSupplement");
    expect(await findVisibleDossier(other, { code: main.code })).toBeNull();
    expect(await officerControlSheet(other, main.code)).toBeNull();
    expect(await officerControlSheetPdf(other, main.code)).toBeNull();
    expect(await officerFormPdf(other, main.code, supplementSeq)).toBeNull();
    expect(await officerFormPdf(other, refused.code, await eventSeq(refused.id, "refuse"))).toBeNull();
    expect((await controlSheetRoute(anyRequest(), routeArgs(main.code))).status).toBe(404);
    expect((await officerFormRoute(anyRequest(), routeArgs(main.code, supplementSeq))).status).toBe(404);
    // Not an officer's form route for the citizen side either: their own dossiers only.
    expect(await applicantFormPdf(other, main.code, supplementSeq)).toBeNull();
  });

  it("another citizen gets 404 for the demo citizen's forms, and may not open the officer routes", async () => {
    await signInAs(OTHER_CITIZEN, OTHER_PASSWORD);
    const stranger = await currentUser();
    const supplementSeq = await eventSeq(main.id, "requestSupplement");
    const refuseSeq = await eventSeq(refused.id, "refuse");
    expect(await applicantFormPdf(stranger, main.code, supplementSeq)).toBeNull();
    expect(await applicantFormPdf(stranger, refused.code, refuseSeq)).toBeNull();
    expect((await citizenFormRoute(anyRequest(), routeArgs(main.code, supplementSeq))).status).toBe(404);
    expect((await citizenFormRoute(anyRequest(), routeArgs(refused.code, refuseSeq))).status).toBe(404);
    // A citizen lacks workspace.read: the officer routes answer 403 before looking anything up.
    expect(await findVisibleDossier(stranger, { code: main.code })).toBeNull();
    expect(await digestOf(controlSheetRoute(anyRequest(), routeArgs(main.code)))).toContain("403");
    expect(await digestOf(officerFormRoute(anyRequest(), routeArgs(main.code, supplementSeq)))).toContain("403");
  });

  it("the officer of the holding agency is not the applicant: the citizen route gives them nothing", async () => {
    await signInAs(OFFICER_EMAIL, OFFICER_PASSWORD);
    expect(await applicantFormPdf(await currentUser(), main.code, await eventSeq(main.id, "requestSupplement"))).toBeNull();
  });

  it("sends an anonymous visitor to sign in", async () => {
    request.sessionId = undefined;
    expect(await digestOf(citizenFormRoute(anyRequest(), routeArgs(main.code, 3)))).toContain("NEXT_REDIRECT");
    expect(await digestOf(controlSheetRoute(anyRequest(), routeArgs(main.code)))).toContain("NEXT_REDIRECT");
  });
});
