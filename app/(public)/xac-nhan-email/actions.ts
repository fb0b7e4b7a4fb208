"use server";

import { verifyEmail } from "@/lib/accounts/verify-email";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

export async function verifyEmailAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const input = readFields(formData, ["token"]);
  return formState(await viaSession(verifyEmail, input), {}, { redirectTo: () => "/xac-nhan-email?xong=1" });
}
