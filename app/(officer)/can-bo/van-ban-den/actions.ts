"use server";

import { revalidatePath } from "next/cache";
import type { ActionFormState } from "@/lib/forms/action-state";
import { setDocumentStatus } from "@/lib/documents/status";
import { viaSession } from "@/lib/auth/session-actor";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";

export async function documentStatusAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const text = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : "");
  const values = { description: text("description") };
  const r = await viaSession(setDocumentStatus, {
    recipientId: text("recipientId"),
    status: text("status"),
    version: text("version"),
    description: values.description || undefined,
  });
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  revalidatePath("/can-bo/van-ban-den");
  return { ok: true, message: documentExchangeText.statusUpdated, fieldErrors: {}, values: {} };
}
