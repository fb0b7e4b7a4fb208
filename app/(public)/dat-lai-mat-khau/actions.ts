"use server";

import { resetPassword } from "@/lib/accounts/password-reset";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

export async function resetPasswordAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const input = readFields(formData, ["token", "password", "passwordConfirm"], { trim: false });
  return formState(await viaSession(resetPassword, input), {}, { redirectTo: () => "/dat-lai-mat-khau?xong=1" });
}
