// Server action of the milestones page.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { updateMilestone } from "@/lib/programme/milestones";

export async function updateMilestoneAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(
    fd,
    ["id", "title", "dueDate", "status", "doneOn", "note"],
    updateMilestone,
    (d) => `/quan-tri/moc-tien-do?tb=luu&moc=${d.code}`,
  );
}
