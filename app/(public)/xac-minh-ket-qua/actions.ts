"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";
import type { VerificationReport } from "@/lib/signing/report";
import { verifyResultFile } from "@/lib/signing/results";

/** Checks an uploaded result PDF; nothing is stored. */
export async function verifyFileAction(
  _prev: ActionState<VerificationReport>,
  formData: FormData,
): Promise<ActionState<VerificationReport>> {
  const file = formData.get("tep");
  const bytes = !(file instanceof File) ? null : file.size > MAX_FILE_BYTES ? "too_big" : new Uint8Array(await file.arrayBuffer());
  return formState(await verifyResultFile(bytes), {}, { done: (data) => ({ data }) });
}
