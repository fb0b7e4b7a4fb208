// Server actions of the search synonyms page. This node forgets its copy of the list once a change has
// committed, so the change is in force here at once (other nodes read the list again within 30 seconds).
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { deleteSynonym, forgetSynonyms, saveSynonym } from "@/lib/catalog/synonyms";

export async function saveSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(fd, ["id", "phrase", "official"], saveSynonym, (d) => `/quan-tri/tu-dong-nghia?tb=luu&id=${d.id}`);
  } finally {
    forgetSynonyms();
  }
}

export async function deleteSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(fd, ["id"], deleteSynonym, () => `/quan-tri/tu-dong-nghia?tb=xoa`);
  } finally {
    forgetSynonyms();
  }
}
