"use server";

import { revalidatePath } from "next/cache";
import { rateDossier, supplyPapers, withdrawDossier } from "@/lib/dossiers/citizen";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

const page = (code: string) => `/ho-so-cua-toi/${code}`;

export async function withdrawAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { code, version, reason } = readFields(f, ["code", "version", "reason"], { trim: false });
  const values = { reason };
  if (f.get("confirm") !== "on") return { fieldErrors: { confirm: "Xác nhận: vui lòng đánh dấu để xác nhận rút hồ sơ." }, values };
  const r = await viaSession(withdrawDossier, { code, version: Number(version), reason: reason || undefined });
  return formState(r, values, { revalidate: [page(code)] });
}

export async function rateAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { code, rating, comment } = readFields(f, ["code", "rating", "comment"], { trim: false });
  const values = { rating, comment };
  const r = await viaSession(rateDossier, { code, rating: rating || "0", comment: comment || undefined });
  return formState(r, values, { revalidate: [page(code)], keepValues: true });
}

export async function supplyAction(code: string, version: number, note: string, attachmentIds: string[]) {
  const r = await viaSession(supplyPapers, { code, version, note: note || undefined, attachmentIds });
  if (r.ok) revalidatePath(page(code));
  return r.ok ? ({ ok: true } as const) : ({ ok: false, message: r.message, fieldErrors: r.fieldErrors } as const);
}
