// Loading code lists from the database (seeded from prisma/data/codelists).
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { CodeLists } from "./codelists";

/** The current items of the named lists; a list that does not exist comes back empty. */
export async function loadCodeLists(ids: readonly string[], client: Db | Tx = db): Promise<CodeLists> {
  const out: CodeLists = Object.fromEntries(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await client.codeListItem.findMany({
    where: { listId: { in: [...ids] }, retired: false },
    orderBy: [{ listId: "asc" }, { position: "asc" }],
    select: { listId: true, code: true, label: true },
  });
  for (const r of rows) out[r.listId]!.push({ code: r.code, label: r.label });
  return out;
}

/** The label of every code of the named lists, retired ones included (an old dossier's code still reads). */
export async function codeListLabels(ids: readonly string[], client: Db | Tx = db): Promise<Map<string, string>> {
  const rows = ids.length
    ? await client.codeListItem.findMany({ where: { listId: { in: [...ids] } }, select: { listId: true, code: true, label: true } })
    : [];
  return new Map(rows.map((r) => [`${r.listId}:${r.code}`, r.label]));
}
