// Server actions of the priority list pages: each calls one door-guarded function and goes back to the page.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { addPriorityEntry, advancePriorityList, createPriorityList, removePriorityEntry } from "@/lib/programme/priority-lists";

const PAGE = "/quan-tri/danh-muc-uu-tien";

export async function createPriorityListAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["year", "title"], createPriorityList, (d) => `${PAGE}/${d.id}?tb=tao`);
}

export async function addPriorityEntryAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["listId", "procedureCode", "targetLevel", "note"], addPriorityEntry, (d) => `${PAGE}/${d.listId}?tb=them`);
}

export async function removePriorityEntryAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["entryId"], removePriorityEntry, (d) => `${PAGE}/${d.listId}?tb=bo`);
}

export async function advancePriorityListAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(
    fd,
    ["listId", "to"],
    advancePriorityList,
    (d) => `${PAGE}/${d.listId}?tb=${d.status === "PUBLISHED" ? "cong-bo" : "lay-y-kien"}`,
  );
}
