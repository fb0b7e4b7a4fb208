// Server actions of the agency registry pages.
"use server";

import { resetAgencyAdminSecondFactor } from "@/lib/auth/second-factor";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState, runForm } from "@/lib/forms/form-state";
import { createAgency, retireAgency, updateAgency } from "@/lib/agencies/registry-admin";
import { expireCatalogReads } from "@/lib/catalog/cached";

const PAGE = "/quan-tri/co-quan";

// The registry is part of the public catalog (its agency lists): once a change has committed, the cached
// catalog reads are expired (lib/catalog/cached.ts), as the change's transaction did in the shared cache.
export async function createAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(
      fd,
      ["identifier", "name", "shortName", "kind", "provinceCode", "validFrom"],
      createAgency,
      (d) => `${PAGE}/${d.identifier}?tb=tao`,
    );
  } finally {
    expireCatalogReads();
  }
}

export async function updateAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(
      fd,
      ["identifier", "name", "shortName", "kind", "provinceCode"],
      updateAgency,
      (d) => `${PAGE}/${d.identifier}?tb=luu`,
    );
  } finally {
    expireCatalogReads();
  }
}

export async function retireAgencyAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  try {
    return await runForm(
      fd,
      ["identifier", "effectiveDate", "successor", "legalBasis"],
      retireAgency,
      (d) => `${PAGE}/${d.identifier}?tb=thoi`,
    );
  } finally {
    expireCatalogReads();
  }
}

/** An agency administrator who lost phone and recovery codes (lib/auth/second-factor.ts). */
export async function resetAgencyAdminSecondFactorAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  const values = readFields(fd, ["userId"], { trim: false });
  return formState(await viaSession(resetAgencyAdminSecondFactor, values), values, {
    revalidate: (d) => [`${PAGE}/${d.agency}`],
    redirectTo: (d) => `${PAGE}/${d.agency}?da-dat-lai-2fa=${d.userId}`,
    hidden: ["userId"],
  });
}
