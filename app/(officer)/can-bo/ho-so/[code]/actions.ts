"use server";

import { actOnDossier, apologize, assignDossier, transferDossier } from "@/lib/dossiers/officer";
import {
  isOfficerAction,
  missingResultFields,
  NEEDS_CONFIRMATION,
  OFFICER_STATUS_ACTIONS,
  type OfficerAction,
  type OfficerStatusAction,
} from "@/lib/dossiers/officer-actions";
import { missingRequirements } from "@/lib/dossiers/state-machine";
import type { ActionResult, FieldErrors } from "@/lib/errors/app-error";
import type { ActionFormState as OfficerFormState, FormValues } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { viaSession } from "@/lib/auth/session-actor";
import { dossierText } from "@/lib/i18n/vi/dossiers";

const text = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

/** Posted as hidden inputs: an error on one becomes the form's message. */
const HIDDEN = ["code", "version", "action"];

const page = (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`;

/**
 * An action that needs confirmation and was posted without it: nothing is done, and the form says so, with
 * whatever else it can already tell is missing, so one more submission is enough.
 */
function unconfirmed(action: OfficerAction, values: FormValues, alsoMissing: FieldErrors = {}): OfficerFormState {
  const fieldErrors = { ...alsoMissing, confirm: dossierText.officer.confirmRequired(action) };
  return { ok: false, message: dossierText.officer.confirmRequired(action), fieldErrors, values };
}

/** What a refusal the state machine would give is, said before asking for the confirmation again. */
function missingOf(action: OfficerStatusAction, values: FormValues, papers: string[]): FieldErrors {
  if (action === "finish") {
    const F = dossierText.officer.field;
    return Object.fromEntries(missingResultFields(values).map((k) => [k, dossierText.officer.fieldRequired(F[k])]));
  }
  const amount = values.amount ? Number(values.amount) : undefined;
  const missing = missingRequirements(action, { reason: values.reason, papers, amount });
  return Object.fromEntries(missing.map((m) => [m.slice("missing_".length), dossierText.refusalFor(m, action)]));
}

/** On success the page is drawn again at its primary action, saying what was done; on refusal the form keeps what was typed. */
const answer = <R>(code: string, action: OfficerAction, values: FormValues, r: ActionResult<R>): OfficerFormState =>
  formState(r, values, {
    revalidate: [page(code)],
    redirectTo: () => `${page(code)}?xong=${action}#thao-tac`,
    hidden: HIDDEN,
  });

const valuesOf = (f: FormData): FormValues => {
  const values: FormValues = {};
  for (const [k, v] of f.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  return values;
};

const confirmed = (f: FormData) => f.get("confirm") === "on";

/** Every status action of the officer's dossier page. */
export async function dossierAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const values = valuesOf(f);
  const code = text(f, "code");
  const action = text(f, "action");
  const papers = text(f, "papers")
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean);
  if (
    isOfficerAction(action) &&
    (OFFICER_STATUS_ACTIONS as readonly string[]).includes(action) &&
    NEEDS_CONFIRMATION.has(action) &&
    !confirmed(f)
  )
    return unconfirmed(action, values, missingOf(action as OfficerStatusAction, values, papers));
  const r = await viaSession(actOnDossier, {
    code,
    version: text(f, "version"),
    action,
    reason: text(f, "reason") || undefined,
    papers: papers.length ? papers : undefined,
    amount: text(f, "amount").trim() || undefined,
    documentNumber: text(f, "documentNumber"),
    title: text(f, "title"),
    body: text(f, "body"),
    signerPosition: text(f, "signerPosition"),
    signerName: text(f, "signerName"),
  });
  return answer(code, isOfficerAction(action) ? action : "receive", values, r);
}

export async function assignAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { assigneeId: text(f, "assigneeId") };
  return answer(code, "assign", values, await viaSession(assignDossier, { code, assigneeId: values.assigneeId }));
}

export async function transferAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { toAgency: text(f, "toAgency"), reason: text(f, "reason"), confirm: text(f, "confirm") };
  if (!confirmed(f)) {
    const F = dossierText.officer.field;
    const alsoMissing: FieldErrors = {};
    if (!values.toAgency) alsoMissing.toAgency = `${F.toAgency}: vui lòng chọn cơ quan nhận hồ sơ.`;
    if (!values.reason.trim()) alsoMissing.reason = `${F.transferReason}: vui lòng nhập lý do.`;
    return unconfirmed("transfer", values, alsoMissing);
  }
  return answer(
    code,
    "transfer",
    values,
    await viaSession(transferDossier, { code, version: text(f, "version"), toAgency: values.toAgency, reason: values.reason }),
  );
}

export async function apologyAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { reason: text(f, "reason"), newDate: text(f, "newDate") };
  return answer(code, "apologize", values, await viaSession(apologize, { code, ...values }));
}
