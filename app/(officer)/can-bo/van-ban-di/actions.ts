"use server";

// The sent register's recall (13): one copy through the API's use case (setDocumentStatus), or every copy
// still open through recallAllCopies. Both ask for a ticked confirmation, checked here on the server, and a
// reason; a refusal names the field and keeps what was typed.
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { recallAllCopies, setDocumentStatus } from "@/lib/documents/status";
import { viaSession } from "@/lib/auth/session-actor";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";

export async function recallAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { recipientId, documentKey, version, description, confirm } = readFields(
    f,
    ["recipientId", "documentKey", "version", "description", "confirm"],
    { trim: false },
  );
  const values = { description, confirm };
  if (confirm !== "on") {
    const fieldErrors: Record<string, string> = { confirm: t.recall.confirmRequired["13"]! };
    if (!description.trim()) fieldErrors.description = t.recall.reasonRequired;
    return { ok: false, message: t.recall.confirmRequired["13"], fieldErrors, values };
  }
  const reason = description.trim() || undefined;
  const outcome = { revalidate: ["/can-bo/van-ban-di"], hidden: ["recipientId", "documentKey", "version"] };
  if (recipientId) {
    const r = await viaSession(setDocumentStatus, { recipientId, status: "13", version, description: reason });
    return formState(r, values, { ...outcome, redirectTo: () => "/can-bo/van-ban-di?da-lay-lai=1#so-van-ban-di" });
  }
  const r = await viaSession(recallAllCopies, { documentKey, description: reason });
  return formState(r, values, { ...outcome, redirectTo: (d) => `/can-bo/van-ban-di?da-lay-lai=${d.recalled.length}#so-van-ban-di` });
}
