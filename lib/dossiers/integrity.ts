// Verifying dossier histories: each chain is recomputed, and its length must equal the dossier's
// version (every change adds one event and one version), so deleting the last event shows too.
import "server-only";
import { db } from "@/lib/db/client";
import { verifyChain, type ChainProblem } from "./chain";

export interface IntegrityReport {
  checked: number;
  problems: { code: string; problems: (ChainProblem | { seq: number; problem: "count_mismatch" })[] }[];
}

export async function verifyDossierHistories(opts: { codes?: string[]; latest?: number } = {}): Promise<IntegrityReport> {
  const dossiers = await db.dossier.findMany({
    where: opts.codes ? { code: { in: opts.codes } } : undefined,
    orderBy: { createdAt: "desc" },
    take: opts.codes ? undefined : (opts.latest ?? 500),
    select: { id: true, code: true, version: true },
  });
  const events = await db.dossierEvent.findMany({
    where: { dossierId: { in: dossiers.map((d) => d.id) } },
    orderBy: [{ dossierId: "asc" }, { seq: "asc" }],
  });
  const byDossier = new Map<string, typeof events>();
  for (const e of events) (byDossier.get(e.dossierId) ?? byDossier.set(e.dossierId, []).get(e.dossierId)!).push(e);
  const problems: IntegrityReport["problems"] = [];
  for (const d of dossiers) {
    const chain = byDossier.get(d.id) ?? [];
    const found: IntegrityReport["problems"][number]["problems"] = verifyChain(chain);
    if (chain.length !== d.version) found.push({ seq: chain.length, problem: "count_mismatch" });
    if (found.length) problems.push({ code: d.code, problems: found });
  }
  return { checked: dossiers.length, problems };
}
