// Server actions of the form editor, for VPCP's national forms and an agency's own variant alike: each reads
// the form, calls one use case of lib/forms/versions.ts (which checks the scope), and goes back to the editor.
"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { expireCatalogReads } from "@/lib/catalog/cached";
import { createFormDraft, discardFormDraft, publishFormDraft, saveFormDraft } from "@/lib/forms/versions";

/** The editor page of a form: VPCP's for the national form, the agency's service page for a variant. */
function editorPath(procedure: string, service: string): string {
  return service
    ? `/can-bo/quan-tri-co-quan/dich-vu/${encodeURIComponent(service)}/bieu-mau`
    : `/quan-tri/bieu-mau/${encodeURIComponent(procedure)}`;
}

export async function createFormDraftAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["procedure", "service"]);
  const to = editorPath(v.procedure, v.service);
  return formState(await viaSession(createFormDraft, v), v, { revalidate: [to], redirectTo: () => to, hidden: ["procedure", "service"] });
}

export async function saveFormDraftAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["procedure", "service", "id", "note"]);
  const definition = readFields(formData, ["definition"], { trim: false }).definition;
  const to = editorPath(v.procedure, v.service);
  return formState(
    await viaSession(saveFormDraft, { id: v.id, definition, note: v.note }),
    { ...v, definition },
    {
      revalidate: [to],
      redirectTo: () => `${to}?da-luu=1`,
      hidden: ["procedure", "service", "id"],
    },
  );
}

export async function publishFormDraftAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["procedure", "service", "id"]);
  const to = editorPath(v.procedure, v.service);
  const r = await viaSession(publishFormDraft, { id: v.id });
  // The procedure's public page shows the form in force (the cached catalog): expired on every node.
  if (r.ok) expireCatalogReads();
  return formState(r.ok || !r.fieldErrors.definition ? r : { ...r, message: r.fieldErrors.definition }, v, {
    revalidate: [to],
    redirectTo: (d) => `${to}?da-cong-bo=${d.version}`,
    hidden: ["procedure", "service", "id"],
  });
}

export async function discardFormDraftAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["procedure", "service", "id"]);
  const to = editorPath(v.procedure, v.service);
  return formState(await viaSession(discardFormDraft, { id: v.id }), v, {
    revalidate: [to],
    redirectTo: () => `${to}?da-huy=1`,
    hidden: ["procedure", "service", "id"],
  });
}
