"use server";

import { redirect } from "next/navigation";
import { registerCitizen } from "@/lib/accounts/register";
import { REGISTRATION_KEPT_FIELDS } from "@/lib/accounts/registration-schema";
import { viaSession } from "@/lib/auth/session-actor";

export interface RegisterState {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  message?: string;
}

export async function registerAction(_prev: RegisterState, formData: FormData): Promise<RegisterState> {
  const input = Object.fromEntries(
    [...REGISTRATION_KEPT_FIELDS, "password", "passwordConfirm"].map((k) => [k, String(formData.get(k) ?? "")]),
  );
  const result = await viaSession(registerCitizen, input);
  if (result.ok) redirect("/dang-nhap?da-dang-ky=1");
  // What the person typed comes back (never the passwords), so nothing has to be typed twice.
  const values = Object.fromEntries(REGISTRATION_KEPT_FIELDS.map((k) => [k, input[k] ?? ""]));
  return { values, fieldErrors: result.fieldErrors, message: result.message };
}
