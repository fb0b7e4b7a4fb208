// Forms as versioned data: drafts, validation before publishing, publication (retire, repoint, audit),
// dossiers keeping the version they were filed on, and the scope of each administrator.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { saveDraft } from "@/lib/filing/drafts";
import { submitDossier } from "@/lib/filing/submit";
import { getFilingService } from "@/lib/filing/service-form";
import { compatibleAnswers, diffDefinitions } from "@/lib/forms/compare";
import type { FormDefinition } from "@/lib/forms/definition";
import { createFormDraft, discardFormDraft, publishFormDraft, saveFormDraft } from "@/lib/forms/versions";
import { PDF_BYTES, signInAs, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { serviceForm } from "../support/forms";

const PROCEDURE = "1.004873";
const HCM = "000.00.00.H29";
const signInVpcp = () => signInAs("quantri@vpcp.example", "VanPhong@2026");
const signInHcmAdmin = () => signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");

let serviceCode: string;

async function fileOn(code: string, extra: Record<string, unknown> = {}) {
  await signInCitizen();
  const form = await serviceForm(code);
  const answers: Record<string, unknown> = { ...validAnswers(form), ...extra };
  for (const f of form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file"))
    answers[f.id] = (await uploadPaper({ serviceCode: code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  const r = await viaSession(submitDossier, { serviceCode: code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return db.dossier.findUniqueOrThrow({ where: { code: r.data.code } });
}

/** The form with one more required text field in its first step. */
function withField(def: FormDefinition, id: string, label: string): FormDefinition {
  const [first, ...rest] = def.steps;
  return { ...def, steps: [{ ...first!, fields: [...first!.fields, { id, type: "text", label, required: true }] }, ...rest] };
}

beforeAll(async () => {
  const s = await db.service.findFirstOrThrow({ where: { agency: { identifier: HCM }, procedure: { code: PROCEDURE } } });
  serviceCode = s.code;
});

describe("form versions", () => {
  it("seeds one published national version 1 per procedure, every service pointing at a published version", async () => {
    const procedures = await db.procedure.count();
    expect(await db.formVersion.count({ where: { agencyId: null, status: "PUBLISHED" } })).toBe(procedures);
    expect(await db.service.count({ where: { formVersion: { status: { not: "PUBLISHED" } } } })).toBe(0);
  });

  it("publishes version 2: the old one retired, services repointed, audited; v1 dossiers keep v1, new ones use v2", async () => {
    const v1 = await getFilingService(serviceCode);
    const before = await fileOn(serviceCode);
    expect(before.formVersionId).toBe(v1!.formVersionId);

    // A citizen's draft started on version 1.
    await signInCitizen();
    const draftAnswers = { ...validAnswers(v1!.form) };
    expect((await viaSession(saveDraft, { serviceCode, answers: draftAnswers, step: 0 })).ok).toBe(true);

    await signInVpcp();
    const created = await viaSession(createFormDraft, { procedure: PROCEDURE });
    if (!created.ok) throw new Error(created.message);
    expect(created.data.version).toBe(v1!.formVersionNumber + 1);
    // A second "create" returns the same draft: one draft at a time.
    const again = await viaSession(createFormDraft, { procedure: PROCEDURE });
    expect(again.ok && again.data.id).toBe(created.data.id);

    const v2def = withField(v1!.form, "ngheNghiep", "Nghề nghiệp");
    const saved = await viaSession(saveFormDraft, { id: created.data.id, definition: JSON.stringify(v2def), note: "Thêm nghề nghiệp" });
    expect(saved.ok).toBe(true);
    const published = await viaSession(publishFormDraft, { id: created.data.id });
    if (!published.ok) throw new Error(published.message);
    expect(published.data.services).toBeGreaterThan(1);

    const rows = await db.formVersion.findMany({ where: { procedure: { code: PROCEDURE }, agencyId: null }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, "RETIRED"],
      [2, "PUBLISHED"],
    ]);
    expect(rows[1]!.publishedBy).not.toBeNull();
    const all = await db.service.findMany({ where: { procedure: { code: PROCEDURE } }, select: { formVersionId: true } });
    expect(all.every((s) => s.formVersionId === rows[1]!.id)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "form.publish", entityId: String(rows[1]!.id) } });
    expect(audit).toMatchObject({ outcome: "ok", actorRole: "VPCP_ADMIN", entityType: "form_version" });
    expect(audit.details).toMatchObject({ procedure: PROCEDURE, version: 2, retired: { version: 1 } });

    // The dossier filed on version 1 keeps version 1 and its snapshot (without the new field).
    const kept = await db.dossier.findUniqueOrThrow({ where: { id: before.id } });
    expect(kept.formVersionId).toBe(rows[0]!.id);
    expect(JSON.stringify(kept.formSnapshot)).not.toContain("ngheNghiep");

    // The citizen's draft started on v1 still says so (the filing page offers v2 with the differences).
    const draft = await db.draft.findFirstOrThrow({ where: { service: { code: serviceCode } } });
    expect(draft.formVersionId).toBe(rows[0]!.id);

    // A new filing uses version 2: the new field is asked for.
    await signInCitizen();
    const missing = await viaSession(submitDossier, {
      serviceCode,
      idempotencyKey: randomUUID(),
      answers: validAnswers(v1!.form),
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.fieldErrors)).toContain("ngheNghiep");
    const after = await fileOn(serviceCode, { ngheNghiep: "Kỹ sư" });
    expect(after.formVersionId).toBe(rows[1]!.id);
    expect(JSON.stringify(after.formSnapshot)).toContain("ngheNghiep");

    const diff = diffDefinitions(v1!.form, v2def);
    expect(diff.fields.map((f) => [f.id, f.kind])).toEqual([["ngheNghiep", "added"]]);
    const carried = compatibleAnswers({ ...draftAnswers, old: "x" }, v1!.form, v2def);
    expect(carried.answers).toEqual(draftAnswers);
  });

  it("refuses an unknown field in a condition, an option-less select and an unreachable step, naming where", async () => {
    await signInVpcp();
    const created = await viaSession(createFormDraft, { procedure: PROCEDURE });
    if (!created.ok) throw new Error(created.message);
    const base = (await serviceForm(serviceCode)) as FormDefinition;
    const save = (definition: unknown) => viaSession(saveFormDraft, { id: created.data.id, definition: JSON.stringify(definition) });

    const unknown = withField(base, "ghiChu", "Ghi chú");
    unknown.steps[0]!.fields.at(-1)!.showWhen = { field: "khongCo", equals: "x" };
    const r1 = await save(unknown);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.fieldErrors.definition).toMatch(/Bước 1 .*«Ghi chú».*khongCo/);

    const optionless = {
      ...base,
      steps: [
        { ...base.steps[0]!, fields: [...base.steps[0]!.fields, { id: "loai", type: "select", label: "Loại", required: false }] },
        ...base.steps.slice(1),
      ],
    };
    const r2 = await save(optionless);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors.definition).toMatch(/«Loại».*lựa chọn/);

    // A step shown only when a field of a later step is answered can never be shown.
    const lastField = base.steps.flatMap((s) => s.fields).find((f) => f.type !== "file" && f.type !== "group")!;
    const unreachable = {
      ...base,
      steps: [
        {
          id: "buocSom",
          title: "Bước sớm",
          showWhen: { field: lastField.id, filled: true },
          fields: [{ id: "tam", type: "text", label: "Tạm", required: false }],
        },
        ...base.steps,
      ],
    };
    const r3 = await save(unreachable);
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.fieldErrors.definition).toMatch(/Bước 1 «Bước sớm».*không bao giờ hiện/);

    const bad = await viaSession(saveFormDraft, { id: created.data.id, definition: "{ not json" });
    expect(bad.ok).toBe(false);
    // Nothing refused reached the stored draft.
    const stored = await db.formVersion.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(JSON.stringify(stored.definition)).not.toContain("khongCo");
    expect((await viaSession(discardFormDraft, { id: created.data.id })).ok).toBe(true);
    expect(await db.formVersion.count({ where: { id: created.data.id } })).toBe(0);
  });

  it("an agency admin edits its own service's variant only; another agency's admin gets not found, an officer forbidden", async () => {
    await signInHcmAdmin();
    expect((await viaSession(createFormDraft, { procedure: PROCEDURE })).ok).toBe(false); // the national form is VPCP's
    const created = await viaSession(createFormDraft, { procedure: PROCEDURE, service: serviceCode });
    if (!created.ok) throw new Error(created.message);
    const national = await serviceForm(serviceCode);
    expect(
      (await viaSession(saveFormDraft, { id: created.data.id, definition: JSON.stringify(withField(national, "soNha", "Số nhà")) })).ok,
    ).toBe(true);

    // Another agency's administrator.
    const other = await db.agency.findFirstOrThrow({ where: { identifier: { not: HCM }, kind: "PROVINCE" } });
    await db.user.create({
      data: {
        role: "AGENCY_ADMIN",
        fullName: "Quản trị khác",
        email: "quantri.khac@dichvucong.example",
        passwordHash: await hashPassword("QuanTriKhac@2026"),
        agencyId: other.id,
      },
    });
    await signInAs("quantri.khac@dichvucong.example", "QuanTriKhac@2026");
    for (const r of [
      await viaSession(saveFormDraft, { id: created.data.id, definition: JSON.stringify(national) }),
      await viaSession(publishFormDraft, { id: created.data.id }),
      await viaSession(createFormDraft, { procedure: PROCEDURE, service: serviceCode }),
    ])
      expect(r.ok ? "ok" : r.code).toBe("not_found");
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const officer = await viaSession(publishFormDraft, { id: created.data.id });
    expect(officer.ok ? "ok" : officer.code).toBe("forbidden");

    await signInHcmAdmin();
    const published = await viaSession(publishFormDraft, { id: created.data.id });
    if (!published.ok) throw new Error(published.message);
    expect(published.data.services).toBe(1);
    const variant = await db.formVersion.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(variant.agencyId).not.toBeNull();
    // Only the HCM service moved to its variant; the others stay on the national form.
    expect((await db.service.findUniqueOrThrow({ where: { code: serviceCode } })).formVersionId).toBe(variant.id);
    expect(await db.service.count({ where: { procedure: { code: PROCEDURE }, formVersionId: variant.id } })).toBe(1);
    expect((await serviceForm(serviceCode)).steps[0]!.fields.some((f) => f.id === "soNha")).toBe(true);
  });
});
