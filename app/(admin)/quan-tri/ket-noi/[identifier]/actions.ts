// Server action of an agency's integration page: record its connection (testing, connected since, clear).
"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionFormState } from "@/lib/forms/action-state";
import { recordConnection } from "@/lib/monitoring/integration";
import { viaSession } from "@/lib/auth/session-actor";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();

export async function recordConnectionAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = {
    identifier: field(formData, "identifier"),
    kind: field(formData, "kind"),
    connectedSince: field(formData, "connectedSince"),
    note: field(formData, "note"),
  };
  const result = await viaSession(recordConnection, values);
  if (result.ok) {
    revalidatePath("/quan-tri/ket-noi");
    redirect(`/quan-tri/ket-noi/${result.data.identifier}?da-ghi-nhan=1`);
  }
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
}
