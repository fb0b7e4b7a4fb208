// Server actions of the agency registry pages.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { createAgency, retireAgency, updateAgency } from "@/lib/agencies/registry-admin";

const PAGE = "/quan-tri/co-quan";

export async function createAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(
    fd,
    ["identifier", "name", "shortName", "kind", "provinceCode", "validFrom"],
    createAgency,
    (d) => `${PAGE}/${d.identifier}?tb=tao`,
  );
}

export async function updateAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["identifier", "name", "shortName", "kind", "provinceCode"], updateAgency, (d) => `${PAGE}/${d.identifier}?tb=luu`);
}

export async function retireAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["identifier", "effectiveDate", "successor", "legalBasis"], retireAgency, (d) => `${PAGE}/${d.identifier}?tb=thoi`);
}
