// Issue 19: a paper uploaded to a draft can be taken off before submission, by its owner only; the draft's
// answer naming it is cleared, its bytes go (unless shared), and the dossier then holds only the final papers.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { viaSession } from "@/lib/auth/session-actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { storedBytes } from "@/lib/files/storage";
import { removeDraftPaper } from "@/lib/filing/attachments";
import { saveDraft } from "@/lib/filing/drafts";
import { submitDossier } from "@/lib/filing/submit";
import type { FormDefinition } from "@/lib/forms/definition";
import { levelFourServiceWithPapers, PDF_BYTES, PNG_BYTES, signInAs, signInCitizen, uploadPaper, validAnswers } from "../support/filing";

let service: { code: string; form: FormDefinition; fee: number };
let fileFields: string[];

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
  fileFields = service.form.steps
    .flatMap((s) => s.fields)
    .filter((f) => f.type === "file")
    .map((f) => f.id);
  await db.user.create({
    data: {
      email: "khac@dichvucong.example",
      role: "CITIZEN",
      fullName: "Trần Văn Khác",
      passwordHash: await hashPassword("CongDan@2026"),
    },
  });
});

describe("removing a draft's paper", () => {
  it("takes the paper, its answer and its bytes off; only the owner can; the dossier holds the final papers", async () => {
    await signInCitizen();
    const field = fileFields[0]!;
    const first = await uploadPaper({ serviceCode: service.code, fieldId: field, fileName: "dau-tien.pdf", bytes: PDF_BYTES });
    const answers: Record<string, unknown> = { ...validAnswers(service.form), [field]: first.id };
    expect((await viaSession(saveDraft, { serviceCode: service.code, answers, step: 1 })).ok).toBe(true);
    const firstKey = (await db.attachment.findUniqueOrThrow({ where: { id: first.id } })).storageKey;

    // Someone else asks to remove the same field of "their" draft of this service: nothing of hers is touched.
    await signInAs("khac@dichvucong.example", "CongDan@2026");
    const other = await viaSession(removeDraftPaper, { serviceCode: service.code, fieldId: field });
    expect(other).toEqual({ ok: true, data: { removed: 0 } });
    expect(await db.attachment.findUnique({ where: { id: first.id } })).not.toBeNull();

    await signInCitizen();
    const removed = await viaSession(removeDraftPaper, { serviceCode: service.code, fieldId: field });
    expect(removed).toEqual({ ok: true, data: { removed: 1 } });
    expect(await db.attachment.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await storedBytes(firstKey)).toBeNull();
    const draft = await db.draft.findFirstOrThrow({
      where: { service: { code: service.code }, user: { email: "congdan@dichvucong.example" } },
    });
    expect((draft.answers as Record<string, unknown>)[field]).toBeUndefined();
    // Again: nothing left to remove, still fine.
    expect(await viaSession(removeDraftPaper, { serviceCode: service.code, fieldId: field })).toEqual({ ok: true, data: { removed: 0 } });

    // Another paper, then a replacement of it: the field holds one file, the replaced bytes are gone.
    const second = await uploadPaper({ serviceCode: service.code, fieldId: field, fileName: "thu-hai.png", bytes: PNG_BYTES });
    const secondKey = (await db.attachment.findUniqueOrThrow({ where: { id: second.id } })).storageKey;
    const final = await uploadPaper({ serviceCode: service.code, fieldId: field, fileName: "cuoi-cung.pdf", bytes: PDF_BYTES });
    expect(await storedBytes(secondKey)).toBeNull();
    const complete: Record<string, unknown> = { ...validAnswers(service.form), [field]: final.id };
    for (const [i, f] of fileFields.slice(1).entries())
      complete[f] = (await uploadPaper({ serviceCode: service.code, fieldId: f, fileName: `khac-${i}.pdf`, bytes: PDF_BYTES })).id;
    const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers: complete });
    if (!r.ok) throw new Error(r.message);
    const papers = await db.attachment.findMany({ where: { dossier: { code: r.data.code }, fieldId: field } });
    expect(papers.map((p) => p.fileName)).toEqual(["cuoi-cung.pdf"]);
  });

  it("refuses a request without a field", async () => {
    await signInCitizen();
    const r = await viaSession(removeDraftPaper, { serviceCode: service.code, fieldId: "" });
    expect(r.ok).toBe(false);
  });
});
