// Forms in tests: a service's form in effect (service.form_version_id → form_version.definition), and an
// agency variant to give a test's own service a form of its own.
import { db } from "@/lib/db/client";
import { FormDefinition } from "@/lib/forms/definition";

/** The form in effect for a service, by code or by its form version id. */
export async function serviceForm(code: string): Promise<FormDefinition> {
  const s = await db.service.findUniqueOrThrow({ where: { code }, select: { formVersion: { select: { definition: true } } } });
  return FormDefinition.parse(s.formVersion.definition);
}

/**
 * A published form version for a test's service: the agency's variant of the procedure (made once, reused on a
 * second call). Returns its id, for `service.formVersionId`.
 */
export async function variantVersion(procedureId: number, agencyId: number, definition: object): Promise<number> {
  const existing = await db.formVersion.findFirst({ where: { procedureId, agencyId, status: "PUBLISHED" }, select: { id: true } });
  if (existing) return existing.id;
  const v = await db.formVersion.create({
    data: { procedureId, agencyId, version: 1, status: "PUBLISHED", definition, publishedAt: new Date() },
    select: { id: true },
  });
  return v.id;
}
