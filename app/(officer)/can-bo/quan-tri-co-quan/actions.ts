// Server actions of the agency administrators' pages (officers and services): each reads the form, calls one
// door-guarded domain function, and on success goes back to the page with a status parameter saying what happened.
"use server";

import { createOfficer, OFFICER_KEPT_FIELDS, setOfficerDisabled } from "@/lib/agencies/officers";
import { SERVICE_FORM_FIELDS, updateAgencyService } from "@/lib/agencies/services-admin";
import { resetOfficerSecondFactor } from "@/lib/auth/second-factor";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { expireCatalogReads } from "@/lib/catalog/cached";

const OFFICERS_PAGE = "/can-bo/quan-tri-co-quan/can-bo";
const SERVICES_PAGE = "/can-bo/quan-tri-co-quan/dich-vu";

export async function createOfficerAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const input = readFields(formData, [...OFFICER_KEPT_FIELDS, "password", "passwordConfirm"], { trim: false });
  // What was typed comes back (never the passwords), so a refused account can be corrected rather than retyped.
  const values = readFields(formData, OFFICER_KEPT_FIELDS, { trim: false });
  return formState(await viaSession(createOfficer, input), values, {
    revalidate: [OFFICERS_PAGE],
    redirectTo: (d) => `${OFFICERS_PAGE}?da-tao=${d.officerId}`,
  });
}

/** A one-button form (disable, enable): its fields are hidden, so their errors are the message. */
export async function setOfficerDisabledAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["officerId", "disabled"], { trim: false });
  return formState(await viaSession(setOfficerDisabled, values), values, {
    revalidate: [OFFICERS_PAGE],
    redirectTo: (d) => `${OFFICERS_PAGE}?${d.disabled ? "da-khoa" : "da-mo-khoa"}=${d.officerId}`,
    hidden: ["officerId", "disabled"],
  });
}

/** An officer who lost their authenticator and recovery codes: the second factor is cleared (lib/auth/second-factor.ts). */
export async function resetOfficerSecondFactorAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["officerId"], { trim: false });
  return formState(await viaSession(resetOfficerSecondFactor, values), values, {
    revalidate: [OFFICERS_PAGE],
    redirectTo: (d) => `${OFFICERS_PAGE}?da-dat-lai-2fa=${d.officerId}`,
    hidden: ["officerId"],
  });
}

export async function updateServiceAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const { code, settingsVersion, onlineLevel, processingDays, feeAmount } = readFields(
    formData,
    ["code", "settingsVersion", "onlineLevel", "processingDays", "feeAmount"],
    { trim: false },
  );
  const values = {
    // An unticked checkbox is not posted at all.
    published: formData.get("published") === "true" ? "true" : "false",
    onlineLevel,
    processingDays: processingDays.trim(),
    feeAmount: feeAmount.trim(),
  } satisfies Record<(typeof SERVICE_FORM_FIELDS)[number], string>;
  const result = await viaSession(updateAgencyService, { code, settingsVersion, ...values });
  // The service's public page reads the cached catalog: expired on every node once the change has committed.
  if (result.ok && result.data.changed) expireCatalogReads();
  return formState(result, values, {
    revalidate: (d) => [`${SERVICES_PAGE}/${encodeURIComponent(d.code)}`, SERVICES_PAGE],
    redirectTo: (d) => `${SERVICES_PAGE}/${encodeURIComponent(d.code)}?${d.changed ? "da-luu" : "khong-doi"}=${d.settingsVersion}`,
    // The hidden fields have no place beside an input: their errors (an unknown service, a stale version) are the message.
    hidden: ["code", "settingsVersion"],
  });
}
