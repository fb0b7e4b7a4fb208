// Server action of the agency administrators' consultation page: one comment on a priority list or one entry.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { commentPriorityList } from "@/lib/programme/priority-lists";

export async function commentPriorityListAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(
    fd,
    ["listId", "entryId", "body"],
    commentPriorityList,
    (d) => `/can-bo/quan-tri-co-quan/danh-muc-uu-tien?tb=gop-y&ds=${d.listId}`,
  );
}
