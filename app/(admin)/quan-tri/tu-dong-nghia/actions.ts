// Server actions of the search synonyms page.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { deleteSynonym, saveSynonym } from "@/lib/catalog/synonyms";

export async function saveSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["id", "phrase", "official"], saveSynonym, (d) => `/quan-tri/tu-dong-nghia?tb=luu&id=${d.id}`);
}

export async function deleteSynonymAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["id"], deleteSynonym, () => `/quan-tri/tu-dong-nghia?tb=xoa`);
}
