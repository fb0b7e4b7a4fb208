"use server";

import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { setDocumentStatus } from "@/lib/documents/status";
import { viaSession } from "@/lib/auth/session-actor";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";

const R = documentExchangeText.recall;

export async function documentStatusAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { recipientId, status, version, description, confirm } = readFields(
    f,
    ["recipientId", "status", "version", "description", "confirm"],
    { trim: false },
  );
  const values = { description, confirm };
  // Answering a recall (15 agree, 16 refuse) cannot be taken back: it asks for a ticked confirmation first.
  const confirmMessage = R.confirmRequired[status];
  if ((status === "15" || status === "16") && confirmMessage && confirm !== "on") {
    const fieldErrors: Record<string, string> = { confirm: confirmMessage };
    if (status === "16" && !description.trim()) fieldErrors.description = R.refuseReasonRequired;
    return { ok: false, message: confirmMessage, fieldErrors, values };
  }
  const r = await viaSession(setDocumentStatus, { recipientId, status, version, description: description || undefined });
  return formState(r, values, {
    revalidate: ["/can-bo/van-ban-den"],
    // An answer to a recall takes its form away with the request: the register says what was done instead.
    ...(status === "15" || status === "16" ? { redirectTo: () => `/can-bo/van-ban-den?da-tra-loi=${status}` } : {}),
    done: () => ({ message: documentExchangeText.statusUpdated }),
    hidden: ["recipientId", "version"],
  });
}
