"use server";

import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

export async function forgotPasswordAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["email"]);
  // The same page for every address, with or without an account.
  return formState(await viaSession(requestPasswordReset, values), values, { redirectTo: () => "/quen-mat-khau?da-gui=1" });
}
