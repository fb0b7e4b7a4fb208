"use server";

import { revalidatePath } from "next/cache";
import { rateDossier, supplyPapers, withdrawDossier } from "@/lib/dossiers/citizen";
import { viaSession } from "@/lib/auth/session-actor";

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

const field = (f: FormData, k: string) => String(f.get(k) ?? "");

export async function withdrawAction(_prev: FormState, f: FormData): Promise<FormState> {
  const values = { reason: field(f, "reason") };
  if (f.get("confirm") !== "on") return { fieldErrors: { confirm: "Xác nhận: vui lòng đánh dấu để xác nhận rút hồ sơ." }, values };
  const r = await viaSession(withdrawDossier, {
    code: field(f, "code"),
    version: Number(field(f, "version")),
    reason: values.reason || undefined,
  });
  if (r.ok) revalidatePath(`/ho-so-cua-toi/${field(f, "code")}`);
  return r.ok ? { ok: true, fieldErrors: {}, values: {} } : { message: r.message, fieldErrors: r.fieldErrors, values };
}

export async function rateAction(_prev: FormState, f: FormData): Promise<FormState> {
  const values = { rating: field(f, "rating"), comment: field(f, "comment") };
  const r = await viaSession(rateDossier, { code: field(f, "code"), rating: values.rating || "0", comment: values.comment || undefined });
  if (r.ok) revalidatePath(`/ho-so-cua-toi/${field(f, "code")}`);
  return r.ok ? { ok: true, fieldErrors: {}, values } : { message: r.message, fieldErrors: r.fieldErrors, values };
}

export async function supplyAction(code: string, version: number, note: string, attachmentIds: string[]) {
  const r = await viaSession(supplyPapers, { code, version, note: note || undefined, attachmentIds });
  if (r.ok) revalidatePath(`/ho-so-cua-toi/${code}`);
  return r.ok ? ({ ok: true } as const) : ({ ok: false, message: r.message, fieldErrors: r.fieldErrors } as const);
}
