// Server actions of the search synonyms page. Once a change has committed, this node forgets its copy of the
// list (other nodes read it again within 30 seconds) and the cached catalog reads are expired (on every node
// with the shared cache).
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { expireCatalogReads } from "@/lib/catalog/cached";
import { deleteSynonym, forgetSynonyms, saveSynonym } from "@/lib/catalog/synonyms";

export async function saveSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(fd, ["id", "phrase", "official"], saveSynonym, (d) => `/quan-tri/tu-dong-nghia?tb=luu&id=${d.id}`);
  } finally {
    forgetSynonyms();
    expireCatalogReads();
  }
}

export async function deleteSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(fd, ["id"], deleteSynonym, () => `/quan-tri/tu-dong-nghia?tb=xoa`);
  } finally {
    forgetSynonyms();
    expireCatalogReads();
  }
}
