import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveDraft, getDraft } from "@/lib/filing/drafts";
import { submitDossier } from "@/lib/filing/submit";
import { applyTransition } from "@/lib/dossiers/transition";
import { verifyDossierChain } from "@/lib/dossiers/events";
import { isDossierCode } from "@/lib/dossiers/code";
import { db } from "@/lib/db/client";
import type { FormDefinition } from "@/lib/forms/definition";
import { EXE_BYTES, levelFourServiceWithPapers, PDF_BYTES, PNG_BYTES, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { request } from "../support/request";
import { viaSession } from "@/lib/auth/session-actor";
import { variantVersion } from "../support/forms";

let service: { code: string; form: FormDefinition; fee: number };
let citizenId: string;

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
});

/** Uploads one paper per file field and returns complete answers. */
async function completeAnswers(): Promise<Record<string, unknown>> {
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
  return answers;
}

describe("filing a dossier", () => {
  beforeAll(async () => {
    citizenId = (await signInCitizen()).userId;
  });

  it("saves and resumes a draft", async () => {
    await signInCitizen();
    const r = await viaSession(saveDraft, {
      serviceCode: service.code,
      answers: { hoTen: "Nguyễn Thị Minh Anh", noiDung: "Đề nghị cấp" },
      step: 1,
    });
    expect(r.ok).toBe(true);
    const s = await db.service.findUniqueOrThrow({ where: { code: service.code } });
    const d = await getDraft(citizenId, s.id);
    expect(d?.answers).toMatchObject({ hoTen: "Nguyễn Thị Minh Anh" });
    expect(d?.step).toBe(1);
  });

  it("refuses a renamed executable and an oversize file, keeping the draft", async () => {
    await signInCitizen();
    const field = service.form.steps.flatMap((s) => s.fields).find((f) => f.type === "file")!;
    await expect(uploadPaper({ serviceCode: service.code, fieldId: field.id, fileName: "to-khai.pdf", bytes: EXE_BYTES })).rejects.toThrow(
      /chỉ nhận tệp PDF, JPEG hoặc PNG/,
    );
    await expect(uploadPaper({ serviceCode: service.code, fieldId: field.id, fileName: "lon.pdf", bytes: "too_big" })).rejects.toThrow(
      /vượt quá dung lượng/,
    );
    const s = await db.service.findUniqueOrThrow({ where: { code: service.code } });
    expect((await getDraft(citizenId, s.id))?.answers).toMatchObject({ hoTen: "Nguyễn Thị Minh Anh" });
    expect(await db.attachment.count({ where: { fileName: "to-khai.pdf" } })).toBe(0);
  });

  it("uploads through the route and the door: an audit row naming the user, refusals as JSON with their code", async () => {
    await signInCitizen();
    const field = service.form.steps.flatMap((s) => s.fields).find((f) => f.type === "file")!;
    const { POST } = await import("@/app/api/ho-so/tai-lieu/route");
    const post = (name: string, bytes: Uint8Array) =>
      POST(
        new Request(`http://localhost/api/ho-so/tai-lieu?dich-vu=${service.code}&truong=${field.id}`, {
          method: "POST",
          headers: { "x-file-name": encodeURIComponent(name) },
          body: new Blob([new Uint8Array(bytes)]),
        }),
      );
    const ok = await post("tờ khai.pdf", PDF_BYTES);
    expect(ok.status).toBe(201);
    const stored = (await ok.json()) as { id: string; fileName: string; size: number };
    expect(stored).toMatchObject({ fileName: "tờ khai.pdf", size: PDF_BYTES.byteLength });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "attachment.upload", entityId: stored.id } });
    expect(audit).toMatchObject({ actorKind: "user", actorId: citizenId, actorRole: "CITIZEN", outcome: "ok", ip: request.ip });
    expect(audit.details).toMatchObject({ service: service.code, field: field.id, size: PDF_BYTES.byteLength });

    const refused = await post("doi-ten.pdf", EXE_BYTES);
    expect(refused.status).toBe(415);
    const body = (await refused.json()) as { message: string; code: string; fieldErrors: Record<string, string> };
    expect(body.code).toBe("attachment.content_type");
    expect(body.message).toMatch(/chỉ nhận tệp PDF, JPEG hoặc PNG/);
    expect(body.fieldErrors[field.id]).toBe(body.message);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: "attachment.upload", outcome: "denied", entityId: service.code, actorId: citizenId },
      orderBy: { at: "desc" },
    });
    expect(denied.actorKind).toBe("user");

    const session = request.sessionId;
    request.sessionId = undefined;
    try {
      const anonymous = await post("to-khai.pdf", PDF_BYTES);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: "unauthenticated", fieldErrors: {} });
    } finally {
      request.sessionId = session;
    }
  });

  it("submits once: a dossier with a national code, papers, snapshots, a chained event and a notice", async () => {
    await signInCitizen();
    const answers = await completeAnswers();
    const key = randomUUID();
    const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: key, answers });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(isDossierCode(r.data.code)).toBe(true);
    expect(r.data.code.startsWith("000.00.00.H29-")).toBe(true);
    const d = await db.dossier.findUniqueOrThrow({ where: { code: r.data.code }, include: { attachments: true, events: true } });
    expect(d.status).toBe(1);
    expect(d.feeAmount).toBe(service.fee);
    expect(d.attachments.length).toBeGreaterThanOrEqual(2);
    expect(d.attachments.every((a) => a.sha256.length === 64 && a.draftId === null)).toBe(true);
    expect(d.formSnapshot).toEqual(service.form);
    expect(d.dueAt!.getTime()).toBeGreaterThan(d.submittedAt.getTime());
    expect(d.events.map((e) => e.action)).toEqual(["submit"]);
    expect(await db.notification.count({ where: { dossierId: d.id, userId: citizenId } })).toBe(1);
    // The draft is gone; submitting the same key again gives the same dossier.
    const again = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: key, answers });
    expect(again).toEqual({ ok: true, data: { code: r.data.code, dossierId: d.id, duplicate: true } });
    expect(await db.dossier.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("names every invalid answer", async () => {
    await signInCitizen();
    const answers = { ...validAnswers(service.form), soCccd: "123", dienThoai: "99" };
    const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.soCccd).toMatch(/^Số căn cước công dân/);
    expect(r.fieldErrors.dienThoai).toMatch(/^Số điện thoại/);
    const fileField = service.form.steps.flatMap((s) => s.fields).find((f) => f.type === "file" && f.required)!;
    expect(r.fieldErrors[fileField.id]).toContain("tải lên");
  });

  it("creates one dossier for a double submission racing itself", async () => {
    await signInCitizen();
    const answers = await completeAnswers();
    const key = randomUUID();
    const results = await Promise.all(
      [1, 2, 3].map(() => viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: key, answers })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const codes = new Set(results.map((r) => (r.ok ? r.data.code : "")));
    expect(codes.size).toBe(1);
    expect(await db.dossier.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("keeps a paper uploaded while the same draft is being submitted, and never fails with a server error", async () => {
    await signInCitizen();
    const fileField = service.form.steps.flatMap((s) => s.fields).find((f) => f.type === "file")!;
    for (let round = 0; round < 5; round++) {
      const answers = await completeAnswers();
      const [submitted, uploaded, other] = await Promise.allSettled([
        viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers }),
        uploadPaper({ serviceCode: service.code, fieldId: fileField.id, fileName: `bo-sung-${round}.pdf`, bytes: PDF_BYTES }),
        // A second, different submission of the same draft at the same moment.
        viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers }),
      ]);
      expect(submitted.status).toBe("fulfilled");
      expect(other.status).toBe("fulfilled");
      expect(uploaded.status, String((uploaded as PromiseRejectedResult).reason)).toBe("fulfilled");
      const results = [submitted, other].map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof submitDossier>>>).value);
      // At most one submission takes the papers (none, when the upload replaced a paper first); any other
      // is told which papers are missing, never an unexpected error.
      expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
      for (const r of results) if (!r.ok) expect(r.code, r.message).toBe("invalid");
      // The paper is either in the dossier or in a draft (never pointing at a deleted one).
      const paper = await db.attachment.findUniqueOrThrow({ where: { id: (uploaded as PromiseFulfilledResult<{ id: string }>).value.id } });
      expect(paper.dossierId !== null || paper.draftId !== null).toBe(true);
    }
  });

  it("gives 50 concurrent submissions 50 distinct codes in sequence", async () => {
    await signInCitizen();
    // A service whose form asks for no papers, so the 50 submissions race on the code alone.
    const procedure = await db.procedure.findFirstOrThrow({ where: { implementingLevel: "PROVINCE" } });
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G15" } });
    const form = {
      version: 1,
      steps: [{ id: "a", title: "Nội dung", fields: [{ id: "noiDung", type: "textarea", label: "Nội dung", required: true }] }],
    };
    const target = await db.service.upsert({
      where: { code: `${procedure.code}.000.00.00.G15` },
      create: {
        code: `${procedure.code}.000.00.00.G15`,
        procedureId: procedure.id,
        agencyId: agency.id,
        name: procedure.name,
        onlineLevel: 3,
        channels: [{ kind: "online", processingDays: 3, fees: [] }],
        formVersionId: await variantVersion(procedure.id, agency.id, form),
      },
      update: {},
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        viaSession(submitDossier, { serviceCode: target.code, idempotencyKey: randomUUID(), answers: { noiDung: `Yêu cầu ${i}` } }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const codes = results.map((r) => (r.ok ? r.data.code : ""));
    expect(new Set(codes).size).toBe(50);
    expect(codes.every((c) => c.startsWith("000.00.00.G15-"))).toBe(true);
    const seqs = codes.map((c) => Number(c.split("-")[2])).sort((a, b) => a - b);
    expect(seqs[49]! - seqs[0]!).toBe(49);
    // The number is taken last in the filing transaction; the placeholder before it never survives a commit.
    expect(await db.dossier.count({ where: { code: { startsWith: "~" } } })).toBe(0);
    const stored = await db.dossier.findMany({ where: { code: { in: codes } }, select: { code: true } });
    expect(stored).toHaveLength(50);
  });
});

describe("the status module", () => {
  it("moves a dossier through the lifecycle, keeping an intact chain", async () => {
    await signInCitizen();
    const r = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: randomUUID(),
      answers: await completeAnswers(),
    });
    if (!r.ok) throw new Error(r.message);
    const id = r.data.dossierId;
    const officer = await db.user.findUniqueOrThrow({ where: { email: "canbo.hcm@dichvucong.example" } });
    const o = { kind: "officer" as const, id: officer.id, role: officer.role, agencyId: officer.agencyId };
    await db.$transaction((tx) => applyTransition(tx, { dossierId: id, action: "receive", actor: o }));
    await expect(
      db.$transaction((tx) => applyTransition(tx, { dossierId: id, action: "finish", actor: o, payload: { result: {} } })),
    ).rejects.toThrow(/hồ sơ đang ở trạng thái “Được tiếp nhận”/);
    await expect(
      db.$transaction((tx) => applyTransition(tx, { dossierId: id, action: "requestSupplement", actor: o, payload: { reason: "Thiếu" } })),
    ).rejects.toThrow(/Giấy tờ cần bổ sung/);
    await db.$transaction((tx) =>
      applyTransition(tx, {
        dossierId: id,
        action: "requestSupplement",
        actor: o,
        payload: { reason: "Ảnh mờ", papers: ["Giấy chứng sinh"] },
      }),
    );
    await expect(db.$transaction((tx) => applyTransition(tx, { dossierId: id, action: "supply", actor: o }))).rejects.toThrow(
      /không có quyền/,
    );
    await db.$transaction((tx) =>
      applyTransition(tx, { dossierId: id, action: "supply", actor: { kind: "applicant", id: citizenId, role: "CITIZEN" } }),
    );
    const d = await db.dossier.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { seq: "asc" } } } });
    expect(d.status).toBe(4);
    expect(d.version).toBe(4);
    expect(d.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["submit", null, 1],
      ["receive", 1, 2],
      ["requestSupplement", 2, 5],
      ["supply", 5, 4],
    ]);
    expect(await db.$transaction((tx) => verifyDossierChain(tx, id))).toEqual([]);
    // Stale version: someone else acted first.
    await expect(
      db.$transaction((tx) =>
        applyTransition(tx, { dossierId: id, action: "withdraw", actor: { kind: "applicant", id: citizenId }, expectedVersion: 3 }),
      ),
    ).rejects.toThrow(/vừa được người khác cập nhật/);
    expect(await db.notification.count({ where: { dossierId: id } })).toBe(4);
  });

  it("detects an edited event", async () => {
    const e = await db.dossierEvent.findFirstOrThrow({ where: { action: "receive" } });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_append_only`);
      await tx.$executeRaw`UPDATE dossier_event SET note = 'sửa trái phép' WHERE id = ${e.id}`;
      await tx.$executeRawUnsafe(`ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_append_only`);
    });
    const problems = await db.$transaction((tx) => verifyDossierChain(tx, e.dossierId));
    expect(problems).toContainEqual({ seq: e.seq, problem: "hash_mismatch" });
    const { verifyDossierHistories } = await import("@/lib/dossiers/integrity");
    const d = await db.dossier.findUniqueOrThrow({ where: { id: e.dossierId } });
    expect((await verifyDossierHistories({ codes: [d.code] })).problems[0]?.problems).toContainEqual({
      seq: e.seq,
      problem: "hash_mismatch",
    });
  });

  it("detects a deleted last event", async () => {
    await signInCitizen();
    const r = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: randomUUID(),
      answers: await completeAnswers(),
    });
    if (!r.ok) throw new Error(r.message);
    const officer = await db.user.findUniqueOrThrow({ where: { email: "canbo.hcm@dichvucong.example" } });
    await db.$transaction((tx) =>
      applyTransition(tx, {
        dossierId: r.data.dossierId,
        action: "receive",
        actor: { kind: "officer", id: officer.id, role: officer.role, agencyId: officer.agencyId },
      }),
    );
    const { verifyDossierHistories } = await import("@/lib/dossiers/integrity");
    expect((await verifyDossierHistories({ codes: [r.data.code] })).problems).toEqual([]);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_append_only`);
      await tx.$executeRaw`DELETE FROM dossier_event WHERE dossier_id = ${r.data.dossierId}::uuid AND seq = 2`;
      await tx.$executeRawUnsafe(`ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_append_only`);
    });
    expect((await verifyDossierHistories({ codes: [r.data.code] })).problems[0]?.problems).toContainEqual({
      seq: 1,
      problem: "count_mismatch",
    });
  });
});
