"use server";

import { redirect } from "next/navigation";
import type { ActionFormState } from "@/components/forms/action-form-state";
import { sendDocument } from "@/lib/documents/documents";

export async function sendAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const text = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : "");
  const recipients = f.getAll("recipients").filter((v): v is string => typeof v === "string");
  const values = Object.fromEntries(["typeCode", "subject", "content", "signerPosition", "signerName", "priority", "secrecy", "dueDate", "messageId"].map((k) => [k, text(k)]));
  const r = await sendDocument({ ...values, dueDate: values.dueDate || undefined, content: values.content || undefined, recipients });
  if (r.ok) redirect(`/can-bo/van-ban-di?da-gui=${encodeURIComponent(r.data.documentKey)}`);
  return { message: r.message, fieldErrors: r.fieldErrors, values: { ...values, recipients: recipients.join(",") } };
}
