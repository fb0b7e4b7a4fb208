// Helpers for tests that file dossiers: a signed-in citizen, a level-4 service with papers, valid answers.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FormDefinition } from "@/lib/forms/definition";
import { Channel } from "@/lib/catalog/records";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { viaSession } from "@/lib/auth/session-actor";
import { uploadDraftPaper } from "@/lib/filing/attachments";
import { submitDossier } from "@/lib/filing/submit";
import { freshIp, request } from "./request";
import { serviceForm } from "./forms";

import { PDF_BYTES, validAnswers } from "./answers";

export { PDF_BYTES, validAnswers };

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
export const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

/**
 * Signs in with the password; for an account with a second factor (the demo VPCP administrator), the session is
 * marked as having given it too, as the code page would (tests/integration/second-factor.test.ts tests that
 * page's use case itself). `{ secondFactor: false }`: a session that has given only the password.
 */
export async function signInAs(
  email: string,
  password: string,
  { secondFactor = true }: { secondFactor?: boolean } = {},
): Promise<{ userId: string; sessionId: string }> {
  request.ip = freshIp();
  const s = await signInWithPassword({ email, password }, { ip: request.ip, userAgent: "vitest" });
  request.sessionId = s.sessionId;
  if (secondFactor) {
    const u = await db.user.findUniqueOrThrow({ where: { id: s.id }, select: { totpEnabledAt: true } });
    if (u.totpEnabledAt) await db.session.update({ where: { id: s.sessionId }, data: { secondFactorAt: new Date() } });
  }
  return { userId: s.id, sessionId: s.sessionId };
}

export const signInCitizen = () => signInAs("congdan@dichvucong.example", "CongDan@2026");

/** A published level-4 service of TP. Hồ Chí Minh whose form asks for at least two papers, one of them required. */
export async function levelFourServiceWithPapers(): Promise<{ code: string; form: FormDefinition; fee: number }> {
  const services = await db.service.findMany({
    where: { onlineLevel: 4, published: true, agency: { identifier: "000.00.00.H29" } },
    orderBy: { id: "asc" },
  });
  for (const s of services) {
    const form = await serviceForm(s.code);
    const files = form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file");
    const channels = z.array(Channel).parse(s.channels);
    const fee = (channels.find((c) => c.kind === "online") ?? channels[0])!.fees[0]?.amount ?? 0;
    // At least one of the papers required (a paper whose name says it is conditional is optional).
    if (files.length >= 2 && files.some((f) => f.required) && fee > 0) return { code: s.code, form, fee };
  }
  throw new Error("no level-4 service with two papers and a fee in the seed");
}

/** Uploads a paper to the signed-in citizen's draft through the door, as the upload route does. */
export async function uploadPaper(input: { serviceCode: string; fieldId: string; fileName: string; bytes: Uint8Array | "too_big" }) {
  const r = await viaSession(uploadDraftPaper, input);
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

/**
 * A level-4 dossier of TP. Hồ Chí Minh filed by the demo citizen, a PDF for every paper; divorced, so the form
 * asks for the divorce paper and the dossier has one. `answers` overrides the valid ones.
 */
export async function fileHcmDossier(answers: Record<string, unknown> = {}): Promise<{ code: string; id: string }> {
  await signInCitizen();
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: "000.00.00.H29" }, onlineLevel: 4, procedure: { code: "1.004873" } },
  });
  const form = await serviceForm(s.code);
  const all: Record<string, unknown> = { ...validAnswers(form), tinhTrang: "da-ly-hon", ...answers };
  for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file")) {
    all[f.id] = (await uploadPaper({ serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  }
  const r = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers: all });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { code: r.data.code, id: r.data.dossierId };
}
