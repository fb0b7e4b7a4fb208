// Verifying dossier histories: each chain is recomputed, and its length must equal the dossier's
// version (every change adds one event and one version), so deleting the last event shows too.
import "server-only";
import { db, type Db } from "@/lib/db/client";
import { verifyChain, type ChainProblem } from "./chain";

export interface IntegrityReport {
  checked: number;
  problems: { code: string; problems: (ChainProblem | { seq: number; problem: "count_mismatch" })[] }[];
}

const CHUNK = 1_000;

/** Checks the given dossiers, the `latest` ones (500 by default), or `all` of them. */
export async function verifyDossierHistories(
  opts: { codes?: string[]; latest?: number; all?: boolean } = {},
  client: Db = db,
): Promise<IntegrityReport> {
  const dossiers = await client.dossier.findMany({
    where: opts.codes ? { code: { in: opts.codes } } : undefined,
    orderBy: { createdAt: "desc" },
    take: opts.codes || opts.all ? undefined : (opts.latest ?? 500),
    select: { id: true, code: true, version: true },
  });
  const problems: IntegrityReport["problems"] = [];
  // In chunks, so that checking every dossier (`all`) never sends one huge list.
  for (let i = 0; i < dossiers.length; i += CHUNK) {
    const chunk = dossiers.slice(i, i + CHUNK);
    const events = await client.dossierEvent.findMany({
      where: { dossierId: { in: chunk.map((d) => d.id) } },
      orderBy: [{ dossierId: "asc" }, { seq: "asc" }],
    });
    const byDossier = new Map<string, typeof events>();
    for (const e of events) (byDossier.get(e.dossierId) ?? byDossier.set(e.dossierId, []).get(e.dossierId)!).push(e);
    for (const d of chunk) {
      const chain = byDossier.get(d.id) ?? [];
      const found: IntegrityReport["problems"][number]["problems"] = verifyChain(chain);
      if (chain.length !== d.version) found.push({ seq: chain.length, problem: "count_mismatch" });
      if (found.length) problems.push({ code: d.code, problems: found });
    }
  }
  return { checked: dossiers.length, problems };
}
