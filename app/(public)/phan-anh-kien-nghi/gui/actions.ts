"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { submitFeedback, type UploadedFile } from "@/lib/feedback/submit";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

const FIELDS = [
  "topic",
  "title",
  "content",
  "name",
  "email",
  "phone",
  "procedureCode",
  "agencyId",
  "dossierCode",
  "consent",
  "sourcePage",
] as const;

export async function submitFeedbackAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, FIELDS);
  const files: UploadedFile[] = [];
  for (const entry of formData.getAll("files").slice(0, 20)) {
    if (typeof entry === "string") continue;
    files.push({ name: entry.name, bytes: entry.size > MAX_FILE_BYTES ? "too_big" : new Uint8Array(await entry.arrayBuffer()) });
  }
  const r = await viaSession(submitFeedback, { ...values, files });
  return formState(r, values, { redirectTo: (d) => `/phan-anh-kien-nghi/da-gui?ma=${encodeURIComponent(d.code)}` });
}
