"use server";

import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { setDocumentStatus } from "@/lib/documents/status";
import { viaSession } from "@/lib/auth/session-actor";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";

export async function documentStatusAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { recipientId, status, version, description } = readFields(f, ["recipientId", "status", "version", "description"], { trim: false });
  const values = { description };
  const r = await viaSession(setDocumentStatus, { recipientId, status, version, description: description || undefined });
  return formState(r, values, {
    revalidate: ["/can-bo/van-ban-den"],
    done: () => ({ message: documentExchangeText.statusUpdated }),
    hidden: ["recipientId", "version"],
  });
}
