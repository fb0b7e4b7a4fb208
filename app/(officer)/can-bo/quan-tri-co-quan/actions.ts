// Server actions of the agency administrators' pages (officers and services): each reads the form, calls one
// door-guarded domain function, and on success goes back to the page with a status parameter saying what happened.
"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createOfficer, OFFICER_KEPT_FIELDS, setOfficerDisabled } from "@/lib/agencies/officers";
import { SERVICE_FORM_FIELDS, updateAgencyService } from "@/lib/agencies/services-admin";
import { viaSession } from "@/lib/auth/session-actor";

const OFFICERS_PAGE = "/can-bo/quan-tri-co-quan/can-bo";
const SERVICES_PAGE = "/can-bo/quan-tri-co-quan/dich-vu";

export interface AdminFormState {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  message?: string;
}

/** A one-button form (disable, enable): only a message can come back. */
export interface AdminButtonState {
  message?: string;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function createOfficerAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const input = Object.fromEntries([...OFFICER_KEPT_FIELDS, "password", "passwordConfirm"].map((k) => [k, field(formData, k)]));
  const result = await viaSession(createOfficer, input);
  if (result.ok) {
    revalidatePath(OFFICERS_PAGE);
    redirect(`${OFFICERS_PAGE}?da-tao=${result.data.officerId}`);
  }
  // What was typed comes back (never the passwords), so a refused account can be corrected rather than retyped.
  const values = Object.fromEntries(OFFICER_KEPT_FIELDS.map((k) => [k, input[k] ?? ""]));
  return { values, fieldErrors: result.fieldErrors, message: result.message };
}

export async function setOfficerDisabledAction(_prev: AdminButtonState, formData: FormData): Promise<AdminButtonState> {
  const result = await viaSession(setOfficerDisabled, { officerId: field(formData, "officerId"), disabled: field(formData, "disabled") });
  if (result.ok) {
    revalidatePath(OFFICERS_PAGE);
    redirect(`${OFFICERS_PAGE}?${result.data.disabled ? "da-khoa" : "da-mo-khoa"}=${result.data.officerId}`);
  }
  return { message: result.fieldErrors.officerId ?? result.fieldErrors.disabled ?? result.message };
}

export async function updateServiceAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const code = field(formData, "code");
  const values: Record<string, string> = {
    // An unticked checkbox is not posted at all.
    published: formData.get("published") === "true" ? "true" : "false",
    onlineLevel: field(formData, "onlineLevel"),
    processingDays: field(formData, "processingDays").trim(),
    feeAmount: field(formData, "feeAmount").trim(),
  };
  const result = await viaSession(updateAgencyService, { code, formVersion: field(formData, "formVersion"), ...values });
  if (result.ok) {
    const page = `${SERVICES_PAGE}/${encodeURIComponent(result.data.code)}`;
    revalidatePath(page);
    revalidatePath(SERVICES_PAGE);
    redirect(`${page}?${result.data.changed ? "da-luu" : "khong-doi"}=${result.data.formVersion}`);
  }
  // The hidden fields have no place beside an input: their errors (an unknown service, a stale version) are the message.
  const hidden = result.fieldErrors.code ?? result.fieldErrors.formVersion;
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).filter(([k]) => (SERVICE_FORM_FIELDS as readonly string[]).includes(k)),
  );
  return { values, fieldErrors, message: hidden ?? result.message };
}
