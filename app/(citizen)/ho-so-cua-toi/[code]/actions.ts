"use server";

import { redirect } from "next/navigation";
import { isDossierCode } from "@/lib/dossiers/code";
import { startPayment } from "@/lib/payments/payments";
import { rateDossier, supplyPapers, withdrawDossier } from "@/lib/dossiers/citizen";
import { viaSession } from "@/lib/auth/session-actor";
import { failure } from "@/lib/errors/app-error";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { formState } from "@/lib/forms/form-state";

const page = (code: string) => `/ho-so-cua-toi/${code}`;

export async function withdrawAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { code, version, reason } = readFields(f, ["code", "version", "reason"], { trim: false });
  const values = { reason };
  if (f.get("confirm") !== "on") {
    const message = dossierText.withdrawConfirmRequired;
    return formState(failure("invalid", message, "dossier.withdraw_unconfirmed", { confirm: message }), values);
  }
  const r = await viaSession(withdrawDossier, { code, version: Number(version), reason: reason || undefined });
  return formState(r, values, { revalidate: [page(code)] });
}

export async function rateAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { code, rating, comment } = readFields(f, ["code", "rating", "comment"], { trim: false });
  const values = { rating, comment };
  const r = await viaSession(rateDossier, { code, rating: rating || "0", comment: comment || undefined });
  return formState(r, values, { revalidate: [page(code)], keepValues: true });
}

export async function supplyAction(code: string, version: number, note: string, attachmentIds: string[]): Promise<ActionFormState> {
  const r = await viaSession(supplyPapers, { code, version, note: note || undefined, attachmentIds });
  return formState(r, { note }, { revalidate: [page(code)] });
}

/**
 * The payment panel's "Thanh toán trực tuyến" button: start (or resume) the payment, then go to the gateway;
 * on refusal come back to the panel with a reason code that it turns into a message.
 */
export async function startPaymentAction(formData: FormData): Promise<void> {
  const code = String(formData.get("code") ?? "");
  const back = isDossierCode(code) ? page(code) : "/ho-so-cua-toi";
  const r = await viaSession(startPayment, { dossierId: formData.get("dossierId") });
  if (r.ok) redirect(r.data.url);
  if (r.code === "unauthenticated") redirect(`/dang-nhap?next=${encodeURIComponent(back)}`);
  // A code, never the message itself: text in the address would let anyone put words on the portal's page.
  redirect(`${back}?thanh-toan=loi&ly-do=${r.code}#thanh-toan`);
}
