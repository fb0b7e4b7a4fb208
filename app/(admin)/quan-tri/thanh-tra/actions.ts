// Server actions of the inspections page.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { addFollowUp, completeFollowUp, planInspection, recordFindings } from "@/lib/programme/inspections";

const PAGE = "/quan-tri/thanh-tra";

export async function planInspectionAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["agency", "plannedOn", "scope"], planInspection, (d) => `${PAGE}?tb=lap#dot-${d.id}`);
}

export async function recordFindingsAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["id", "conductedOn", "findings"], recordFindings, (d) => `${PAGE}?tb=ket-qua#dot-${d.id}`);
}

export async function addFollowUpAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["inspectionId", "action", "owner", "dueDate"], addFollowUp, (d) => `${PAGE}?tb=viec#dot-${d.inspectionId}`);
}

export async function completeFollowUpAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["id", "doneOn"], completeFollowUp, (d) => `${PAGE}?tb=xong#dot-${d.inspectionId}`);
}
