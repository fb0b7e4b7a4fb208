"use server";

import { revalidatePath } from "next/cache";
import type { ActionFormState } from "@/components/forms/action-form-state";
import { setDocumentStatus } from "@/lib/documents/documents";

export async function documentStatusAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const text = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : "");
  const values = { description: text("description") };
  const r = await setDocumentStatus({
    recipientId: text("recipientId"),
    status: text("status"),
    version: text("version"),
    description: values.description || undefined,
  });
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  revalidatePath("/can-bo/van-ban-den");
  return { ok: true, message: "Đã cập nhật.", fieldErrors: {}, values: {} };
}
