// The declaration form of a procedure or service, as the blank PDF (lib/pdf/blank-form.ts) and the catalog pages
// need it: the form version in effect for the service (service.form_version_id → form_version), or for a
// national code the form of the procedure's first published service.
import "server-only";
import { unstable_cache } from "next/cache";
import { CATALOG_TAG } from "@/lib/cache/shared-tags";
import { z } from "zod";
import { Component } from "./records";
import { db } from "@/lib/db/client";
import { FormDefinition } from "@/lib/forms/definition";
import { defaultFormDefinition } from "@/lib/forms/default-form";

export interface ProcedureForm {
  /** The code asked for: a service code, or a national procedure code. */
  code: string;
  procedureCode: string;
  procedureName: string;
  /** Who the declaration is addressed to ("Kính gửi"): the service's agency, or the procedure's implementing agency. */
  agencyName: string;
  definition: FormDefinition;
}

/** A service code (`1.001193.000.00.00.H29`) reads that service's form; a national code (`1.001193`) its procedure's. */
export async function getProcedureForm(code: string): Promise<ProcedureForm | null> {
  const service = await db.service.findUnique({
    where: { code },
    select: {
      published: true,
      formVersion: { select: { definition: true } },
      agency: { select: { name: true } },
      procedure: { select: { code: true, name: true } },
    },
  });
  if (service) {
    const def = FormDefinition.safeParse(service.formVersion.definition);
    if (!service.published || !def.success) return null;
    return {
      code,
      procedureCode: service.procedure.code,
      procedureName: service.procedure.name,
      agencyName: service.agency.name,
      definition: def.data,
    };
  }
  const p = await db.procedure.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      implementingAgencyName: true,
      components: true,
      // The national form in effect (VPCP's), not an agency's variant.
      formVersions: { where: { agencyId: null, status: "PUBLISHED" }, select: { definition: true }, take: 1 },
    },
  });
  if (!p) return null;
  const national = p.formVersions[0];
  const parsed = national ? FormDefinition.safeParse(national.definition) : null;
  return {
    code,
    procedureCode: p.code,
    procedureName: p.name,
    agencyName: p.implementingAgencyName,
    definition: parsed?.success
      ? parsed.data
      : defaultFormDefinition(
          z
            .array(Component)
            .parse(p.components)
            .map((c) => ({ name: c.name, kind: c.kind })),
        ),
  };
}

/** Cached like the other catalog reads (lib/catalog/cached.ts): 30 s, dropped with the "catalog" tag. */
export const cachedProcedureForm = unstable_cache(getProcedureForm, ["catalog:procedure-form"], { revalidate: 30, tags: [CATALOG_TAG] });
