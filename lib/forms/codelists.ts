// Code lists as a form sees them: the choices of each list a definition names. Pure: the browser renders
// and checks choices with the lists the page hands it; the server loads them with lib/forms/codelist-store.
import { z } from "zod";
import { allFields, type FormDefinition } from "./definition";

interface CodeListItem {
  code: string;
  label: string;
}
/** Choices per list id, in order, current items only. */
export type CodeLists = Record<string, CodeListItem[]>;

/** A code list file under prisma/data/codelists/<id>.json. */
export const CodeListFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Where the list comes from, and what of it was not confirmed. */
  source: z.string().min(1),
  status: z.enum(["confirmed", "partial", "unconfirmed"]),
  items: z
    .array(z.strictObject({ code: z.string().min(1).max(40), label: z.string().min(1), retired: z.boolean().optional() }))
    .min(1)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, "duplicate code"),
});
export type CodeListFile = z.infer<typeof CodeListFile>;

/** The ids of the code lists a definition chooses from (including inside repeating groups). */
export function listsUsed(def: FormDefinition): string[] {
  const ids = new Set<string>();
  for (const f of allFields(def)) for (const g of [f, ...(f.fields ?? [])]) if (g.list) ids.add(g.list);
  return [...ids].sort();
}
