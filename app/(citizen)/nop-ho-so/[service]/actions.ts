"use server";

import { saveDraft } from "@/lib/filing/drafts";
import { submitDossier } from "@/lib/filing/submit";
import { viaSession } from "@/lib/auth/session-actor";

export async function saveDraftAction(serviceCode: string, answers: Record<string, unknown>, step: number) {
  const r = await viaSession(saveDraft, { serviceCode, answers, step });
  return r.ok ? ({ ok: true, savedAt: r.data.savedAt } as const) : ({ ok: false, message: r.message } as const);
}

export async function submitAction(serviceCode: string, idempotencyKey: string, answers: Record<string, unknown>) {
  const r = await viaSession(submitDossier, { serviceCode, idempotencyKey, answers });
  return r.ok ? ({ ok: true, code: r.data.code } as const) : ({ ok: false, message: r.message, fieldErrors: r.fieldErrors } as const);
}
