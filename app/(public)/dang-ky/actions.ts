"use server";

import { registerCitizen } from "@/lib/accounts/register";
import { REGISTRATION_KEPT_FIELDS } from "@/lib/accounts/registration-schema";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

export async function registerAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const input = readFields(formData, [...REGISTRATION_KEPT_FIELDS, "password", "passwordConfirm"], { trim: false });
  // What the person typed comes back (never the passwords), so nothing has to be typed twice.
  const values = readFields(formData, REGISTRATION_KEPT_FIELDS, { trim: false });
  // Every accepted registration lands on the same page, whoever already had an account.
  return formState(await viaSession(registerCitizen, input), values, { redirectTo: () => "/dang-ky/kiem-tra-thu" });
}
