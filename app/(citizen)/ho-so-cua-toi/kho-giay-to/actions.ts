"use server";

import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { viaSession } from "@/lib/auth/session-actor";
import { papersText } from "@/lib/i18n/vi/papers";
import { deleteStoredPaper, editStoredPaper } from "@/lib/papers/manage";

const PAGE = "/ho-so-cua-toi/kho-giay-to";

export async function editPaperAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["id", "issuer", "validUntil"]);
  return formState(await viaSession(editStoredPaper, v), v, {
    revalidate: [PAGE],
    done: () => ({ message: papersText.saved }),
    keepValues: true,
    hidden: ["id"],
  });
}

export async function deletePaperAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["id"]);
  return formState(await viaSession(deleteStoredPaper, v), v, { revalidate: [PAGE], redirectTo: () => `${PAGE}?da-xoa=1`, hidden: ["id"] });
}
