"use server";

import {
  confirmSecondFactorEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  startSecondFactorEnrolment,
} from "@/lib/auth/second-factor";
import { SECOND_FACTOR_MANAGE_PAGE } from "@/lib/auth/second-factor-policy";
import { safeNextPath } from "@/lib/auth/safe-next";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState, type ActionState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

type Codes = { recoveryCodes: string[] };

/** Back to the page, `next` kept. */
function pageWith(formData: FormData, flag?: string): string {
  const next = safeNextPath(readFields(formData, ["next"]).next);
  const params = new URLSearchParams();
  if (flag) params.set(flag, "1");
  if (next) params.set("next", next);
  const q = params.toString();
  return q ? `${SECOND_FACTOR_MANAGE_PAGE}?${q}` : SECOND_FACTOR_MANAGE_PAGE;
}

export async function startEnrolmentAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return formState(await viaSession(startSecondFactorEnrolment, {}), {}, { redirectTo: () => pageWith(formData) });
}

export async function confirmEnrolmentAction(_prev: ActionState<Codes>, formData: FormData): Promise<ActionState<Codes>> {
  const { code } = readFields(formData, ["code"]);
  return formState(await viaSession(confirmSecondFactorEnrolment, { code }), {}, { done: (d) => ({ data: d }) });
}

export async function regenerateCodesAction(_prev: ActionState<Codes>): Promise<ActionState<Codes>> {
  return formState(await viaSession(regenerateRecoveryCodes, {}), {}, { done: (d) => ({ data: d }) });
}

export async function disableAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return formState(await viaSession(disableSecondFactor, {}), {}, { redirectTo: () => pageWith(formData, "da-tat") });
}
