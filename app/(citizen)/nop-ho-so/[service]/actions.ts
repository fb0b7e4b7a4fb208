"use server";

import { moveDraftToCurrentForm, saveDraft } from "@/lib/filing/drafts";
import { submitDossier } from "@/lib/filing/submit";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState, type ActionState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

export async function saveDraftAction(
  serviceCode: string,
  answers: Record<string, unknown>,
  step: number,
  principal?: unknown,
): Promise<ActionState<{ savedAt: string }>> {
  const r = await viaSession(saveDraft, { serviceCode, answers, step, principal });
  return formState(r, {}, { done: (d) => ({ data: { savedAt: d.savedAt } }) });
}

export async function submitAction(
  serviceCode: string,
  idempotencyKey: string,
  answers: Record<string, unknown>,
  principal?: unknown,
): Promise<ActionState<{ code: string }>> {
  const r = await viaSession(submitDossier, { serviceCode, idempotencyKey, answers, principal });
  return formState(r, {}, { done: (d) => ({ data: { code: d.code } }) });
}

/** The citizen continues a draft started on an earlier form version on the version in effect. */
export async function moveDraftAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["serviceCode"]);
  const to = `/nop-ho-so/${encodeURIComponent(v.serviceCode)}`;
  return formState(await viaSession(moveDraftToCurrentForm, v), v, { revalidate: [to], redirectTo: () => to, hidden: ["serviceCode"] });
}
