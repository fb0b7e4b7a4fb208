"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { viaSession } from "@/lib/auth/session-actor";
import { bulkAssign } from "@/lib/dossiers/bulk";
import { deleteQueueFilter, saveQueueFilter } from "@/lib/dossiers/queue";
import { parseQueueParams, queueHref, queueParams } from "@/lib/dossiers/queue-params";
import type { ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { queueText } from "@/lib/i18n/vi/queue";
import { sessionActor } from "@/lib/auth/session-actor";
import { requestMeta } from "@/lib/auth/request-meta";
import { encodeBulkOutcomes, selectedCodes } from "./bulk-form";

const text = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

/** The queue's filters as the form posted them back (hidden inputs named as the URL names them). */
function postedFilters(f: FormData) {
  const raw: Record<string, string> = {};
  for (const [k, v] of f.entries()) if (typeof v === "string" && !k.startsWith("$")) raw[k] = v;
  return parseQueueParams(raw);
}

/** Saves the queue's current filters under a name; the list of saved filters shows it. */
export async function saveFilterAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const values = { name: text(f, "name") };
  const r = await viaSession(saveQueueFilter, { name: values.name, params: queueParams(postedFilters(f)) });
  return formState(r, values, { revalidate: ["/can-bo/ho-so"], done: () => ({ message: queueText.savedFilter.saved }) });
}

/** Deletes a saved filter, then back to the queue as it was. */
export async function deleteFilterAction(f: FormData): Promise<void> {
  const r = await viaSession(deleteQueueFilter, { id: text(f, "id") });
  revalidatePath("/can-bo/ho-so");
  redirect(queueHref(postedFilters(f), { "bo-loc": r.ok ? "da-xoa" : "khong-thay" }));
}

/** Assigns the selected dossiers, each through the assignment use case; the queue then says what became of each. */
export async function bulkAssignAction(f: FormData): Promise<void> {
  const filters = postedFilters(f);
  const r = await bulkAssign(await sessionActor(), { codes: selectedCodes(f), assigneeId: text(f, "assigneeId") }, await requestMeta());
  revalidatePath("/can-bo/ho-so");
  redirect(
    queueHref(filters, { sau: text(f, "sau") || undefined, ...(r.ok ? { "ket-qua": encodeBulkOutcomes(r.data) } : { loi: "chua-chon" }) }),
  );
}
