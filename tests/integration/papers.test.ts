// The document store (lib/papers): papers filed with a dossier and signed results are kept for the applicant,
// once per kind and content; a later filing reuses one without uploading it (the attachment shares its bytes),
// and bytes are removed only when no attachment or stored paper names them; a paper an open dossier uses
// cannot be deleted; nobody else can reuse or download a citizen's paper.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { sessionActor, viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { actOnDossier } from "@/lib/dossiers/officer";
import { fileStorage } from "@/lib/files/storage";
import { chooseStoredPaper } from "@/lib/filing/attachments";
import { submitDossier } from "@/lib/filing/submit";
import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { deleteStoredPaper, editStoredPaper } from "@/lib/papers/manage";
import { paperOrigins, papersForField, readStoredPaper } from "@/lib/papers/queries";
import { kindKeyOf } from "@/lib/papers/store";
import { levelFourServiceWithPapers, PDF_BYTES, signInAs, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { serviceForm } from "../support/forms";

const HCM = "000.00.00.H29";
let service: { code: string; form: FormDefinition; files: FormField[]; components: { name: string }[]; result: string };
let citizenId: string;
/** A paper the form always asks for. */
let field: FormField;

/** A PDF no other test uploads (the sniffer reads only the head). */
const uniquePdf = () => new Uint8Array([...PDF_BYTES, ...randomBytes(16)]);

async function exists(key: string): Promise<boolean> {
  return fileStorage()
    .get(key)
    .then(() => true)
    .catch(() => false);
}

/** Answers with every paper uploaded (or given: field id → attachment id). */
async function answersWith(given: Record<string, string> = {}, bytes: (f: FormField) => Uint8Array = () => uniquePdf()) {
  const answers: Record<string, unknown> = validAnswers(service.form);
  for (const f of service.files)
    answers[f.id] =
      given[f.id] ?? (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `${f.id}.pdf`, bytes: bytes(f) })).id;
  return answers;
}

async function submit(answers: Record<string, unknown>) {
  const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

const kindOf = (f: FormField) => (f.component !== undefined ? service.components[f.component]?.name : undefined) ?? f.label;

beforeAll(async () => {
  // A level-4 service of TP. Hồ Chí Minh whose form asks for two papers or more, one of them required.
  const { code } = await levelFourServiceWithPapers();
  const s = await db.service.findUniqueOrThrow({ where: { code }, include: { procedure: { select: { components: true, result: true } } } });
  const form = await serviceForm(s.code);
  service = {
    code: s.code,
    form,
    files: form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file"),
    components: s.procedure.components as { name: string }[],
    result: s.procedure.result,
  };
  field = service.files.find((f) => f.required && !f.showWhen)!;
  expect(field).toBeDefined();
  citizenId = (await signInCitizen()).userId;
});

describe("the document store", () => {
  it("keeps every paper filed with a dossier in the applicant's store, once per kind and content", async () => {
    await signInCitizen();
    const same = uniquePdf();
    const first = await submit(await answersWith({}, () => same));
    const attached = await db.attachment.findMany({ where: { dossierId: first.dossierId, purpose: "submission" } });
    expect(attached.map((a) => a.fieldId)).toContain(field.id);
    for (const a of attached) {
      const answered = service.files.find((f) => f.id === a.fieldId)!;
      const paper = await db.storedPaper.findUniqueOrThrow({ where: { id: a.storedPaperId! } });
      expect(paper).toMatchObject({
        ownerUserId: citizenId,
        ownerOrganisationId: null,
        kind: kindOf(answered),
        kindKey: kindKeyOf(kindOf(answered)),
        source: "upload",
        sourceDossierId: first.dossierId,
        sha256: a.sha256,
        storageKey: a.storageKey,
        issuer: null,
        validUntil: null,
        deletedAt: null,
      });
    }
    const before = await db.storedPaper.count({ where: { ownerUserId: citizenId } });
    // The same file again under the same kinds: no second copy in the store; the attachment points at the first.
    const second = await submit(await answersWith({}, () => same));
    expect(await db.storedPaper.count({ where: { ownerUserId: citizenId } })).toBe(before);
    const again = await db.attachment.findMany({ where: { dossierId: second.dossierId, purpose: "submission" } });
    for (const a of again) {
      const firstOfField = attached.find((x) => x.fieldId === a.fieldId)!;
      expect(a.storedPaperId).toBe(firstOfField.storedPaperId);
    }
    // Uploaded again (its own bytes), so it reads as an upload, not as a paper from the store.
    const origins = await paperOrigins(second.dossierId, again);
    expect([...origins.values()].every((o) => o === "Tải lên khi nộp")).toBe(true);
  });

  it("reuses a stored paper without copying it; replacing it keeps the shared bytes, replacing an upload removes them", async () => {
    await signInCitizen();
    const first = await submit(await answersWith());
    const paper = await db.storedPaper.findFirstOrThrow({ where: { sourceDossierId: first.dossierId, kindKey: kindKeyOf(kindOf(field)) } });

    // The picker lists papers of the field's kind (this one among them); "all" adds the other kinds, same kind first.
    const same = (await papersForField(citizenId, service.code, field.id, false))!;
    expect(same.map((p) => p.id)).toContain(paper.id);
    expect(same.every((p) => p.sameKind && p.kind === kindOf(field))).toBe(true);
    const all = (await papersForField(citizenId, service.code, field.id, true))!;
    expect(all.length).toBeGreaterThan(same.length);
    expect(all.findIndex((p) => !p.sameKind)).toBe(same.length);
    expect(await papersForField(citizenId, service.code, "khongCo", false)).toBeNull();

    const chosen = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: field.id, paperId: paper.id });
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const row = await db.attachment.findUniqueOrThrow({ where: { id: chosen.data.id } });
    expect(row).toMatchObject({ storageKey: paper.storageKey, storedPaperId: paper.id, sha256: paper.sha256, fileName: paper.fileName });
    expect(row.draftId).not.toBeNull();

    // Replaced by an upload: the draft's attachment goes, the stored paper's bytes stay.
    const uploaded = await uploadPaper({ serviceCode: service.code, fieldId: field.id, fileName: "moi.pdf", bytes: uniquePdf() });
    expect(await db.attachment.count({ where: { id: chosen.data.id } })).toBe(0);
    expect(await exists(paper.storageKey)).toBe(true);
    // Replaced by the stored paper again: the upload's own bytes are removed (nothing else names them).
    const uploadedKey = (await db.attachment.findUniqueOrThrow({ where: { id: uploaded.id } })).storageKey;
    const back = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: field.id, paperId: paper.id });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(await exists(uploadedKey)).toBe(false);
    expect(await exists(paper.storageKey)).toBe(true);

    // Submitted with the chosen paper: no new stored paper for it, and the dossier says where it came from.
    const count = await db.storedPaper.count({ where: { ownerUserId: citizenId } });
    const second = await submit(await answersWith({ [field.id]: back.data.id }));
    const attachedCount = await db.attachment.count({ where: { dossierId: second.dossierId, purpose: "submission" } });
    expect(await db.storedPaper.count({ where: { ownerUserId: citizenId } })).toBe(count + attachedCount - 1);
    const attached = await db.attachment.findMany({ where: { dossierId: second.dossierId, purpose: "submission" } });
    const origins = await paperOrigins(second.dossierId, attached);
    expect(origins.get(back.data.id)).toBe(`Từ kho giấy tờ của công dân (đã dùng cho hồ sơ ${first.code})`);
    expect(attached.filter((a) => a.id !== back.data.id).every((a) => origins.get(a.id) === "Tải lên khi nộp")).toBe(true);
  });

  it("refuses a field that is not a file field and a paper that does not exist", async () => {
    await signInCitizen();
    const first = await submit(await answersWith());
    const paper = await db.storedPaper.findFirstOrThrow({ where: { sourceDossierId: first.dossierId } });
    const notFile = service.form.steps.flatMap((s) => s.fields).find((f) => f.type !== "file")!;
    const r = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: notFile.id, paperId: paper.id });
    expect(r.ok ? "ok" : r.reason).toBe("attachment.no_such_field");
    const gone = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: field.id, paperId: randomUUID() });
    expect(gone.ok ? "ok" : gone.reason).toBe("paper.not_found");
  });

  it("edits issuer and validity, refuses deleting a paper an open dossier uses, deletes softly otherwise", async () => {
    await signInCitizen();
    const d = await submit(await answersWith());
    const paper = await db.storedPaper.findFirstOrThrow({ where: { sourceDossierId: d.dossierId, kindKey: kindKeyOf(kindOf(field)) } });

    const bad = await viaSession(editStoredPaper, { id: paper.id, issuer: "x".repeat(301), validUntil: "2030-02-31x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["issuer", "validUntil"]);
    const edited = await viaSession(editStoredPaper, { id: paper.id, issuer: "Công an TP. Hồ Chí Minh", validUntil: "2031-06-30" });
    expect(edited.ok).toBe(true);
    const after = await db.storedPaper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(after.issuer).toBe("Công an TP. Hồ Chí Minh");
    expect(after.validUntil?.toISOString().slice(0, 10)).toBe("2031-06-30");

    const refused = await viaSession(deleteStoredPaper, { id: paper.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.reason).toBe("paper.in_use");
      expect(refused.message).toContain(d.code);
    }
    expect((await db.storedPaper.findUniqueOrThrow({ where: { id: paper.id } })).deletedAt).toBeNull();

    // Withdrawn, the dossier no longer needs it: the paper is deleted softly, its bytes stay for the dossier.
    const withdrawn = await db.dossier.update({ where: { id: d.dossierId }, data: { status: 7 } });
    expect(withdrawn.status).toBe(7);
    const deleted = await viaSession(deleteStoredPaper, { id: paper.id });
    expect(deleted.ok).toBe(true);
    expect((await db.storedPaper.findUniqueOrThrow({ where: { id: paper.id } })).deletedAt).not.toBeNull();
    expect(await exists(paper.storageKey)).toBe(true);
    const reuse = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: field.id, paperId: paper.id });
    expect(reuse.ok ? "ok" : reuse.reason).toBe("paper.not_found");
  });

  it("keeps a signed result in the applicant's store, issued by the agency", async () => {
    await signInCitizen();
    const d = await submit(await answersWith());
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    for (const [version, action] of [
      [1, "receive"],
      [2, "startProcessing"],
    ] as const)
      expect((await viaSession(actOnDossier, { code: d.code, version, action })).ok).toBe(true);
    const result = {
      documentNumber: "126/QĐ-UBND",
      title: "Giấy khai sinh (bản điện tử)",
      body: "Đã đăng ký khai sinh.",
      signerPosition: "Chủ tịch",
      signerName: "Lê Văn Hùng",
    };
    const r = await viaSession(actOnDossier, { code: d.code, version: 3, action: "finish", result });
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    const file = await db.attachment.findFirstOrThrow({ where: { dossierId: d.dossierId, purpose: "result" } });
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier: HCM } });
    const paper = await db.storedPaper.findUniqueOrThrow({ where: { id: file.storedPaperId! } });
    expect(paper).toMatchObject({
      ownerUserId: citizenId,
      source: "result",
      kind: service.result,
      issuer: agency.name,
      sourceDossierId: d.dossierId,
      storageKey: file.storageKey,
      sha256: file.sha256,
    });
    // Its owner downloads it; the officer (not its owner) cannot through the store.
    await signInCitizen();
    expect((await readStoredPaper(await sessionActor(), paper.id))?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("lets nobody else reuse, download, edit or delete a citizen's paper", async () => {
    await signInCitizen();
    const d = await submit(await answersWith());
    const paper = await db.storedPaper.findFirstOrThrow({ where: { sourceDossierId: d.dossierId, kindKey: kindKeyOf(kindOf(field)) } });
    const email = `congdan.khac.${randomUUID().slice(0, 8)}@dichvucong.example`;
    await db.user.create({
      data: { role: "CITIZEN", fullName: "Công dân khác", email, passwordHash: await hashPassword("CongDanKhac@2026") },
    });
    await signInAs(email, "CongDanKhac@2026");
    const reuse = await viaSession(chooseStoredPaper, { serviceCode: service.code, fieldId: field.id, paperId: paper.id });
    expect(reuse.ok ? "ok" : reuse.reason).toBe("paper.not_found");
    expect(await db.attachment.count({ where: { storedPaperId: paper.id, draftId: { not: null } } })).toBe(0);
    expect(await readStoredPaper(await sessionActor(), paper.id)).toBeNull();
    const { GET } = await import("@/app/(citizen)/ho-so-cua-toi/kho-giay-to/[id]/tai-ve/route");
    const res = await GET(new Request("http://localhost/"), { params: Promise.resolve({ id: paper.id }) });
    expect(res.status).toBe(404);
    for (const r of [
      await viaSession(editStoredPaper, { id: paper.id, issuer: "Giả mạo", validUntil: "" }),
      await viaSession(deleteStoredPaper, { id: paper.id }),
    ])
      expect(r.ok ? "ok" : r.reason).toBe("paper.not_found");
    expect((await db.storedPaper.findUniqueOrThrow({ where: { id: paper.id } })).issuer).toBeNull();
    // The owner downloads it through the route, uncached, as an attachment.
    await signInCitizen();
    const own = await GET(new Request("http://localhost/"), { params: Promise.resolve({ id: paper.id }) });
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.headers.get("content-disposition")).toMatch(/^attachment;/);
  });
});
