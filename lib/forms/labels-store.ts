// Computing a dossier's answer labels from reference data: at filing (stored with the dossier), for a resumed
// draft's review, and for an old dossier filed before labels were stored.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { FormDefinition } from "./definition";
import { listsUsed } from "./codelists";
import { codeListLabels } from "./codelist-store";
import { answerLabels, unitCodes, type AnswerLabels } from "./display";
import { parseUnitKey, unitKey } from "./address-map";

/** The names of address units by key (lib/forms/address-map.ts: a code on the current map, or map and code). */
export async function unitNames(keys: readonly string[], client: Db | Tx = db): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const wanted = keys.map(parseUnitKey);
  const rows = await client.adminUnit.findMany({
    where: {
      OR: (["TWO_LEVEL", "THREE_LEVEL"] as const)
        .map((map) => ({ map, code: { in: wanted.filter((w) => w.map === map).map((w) => w.code) } }))
        .filter((w) => w.code.in.length),
    },
    select: { map: true, code: true, name: true },
  });
  return new Map(rows.map((r) => [unitKey(r.map, r.code), r.name]));
}

/** Labels for the answers, from the code lists, the address units and the papers' file names (by field id). */
export async function computeAnswerLabels(
  def: FormDefinition,
  answers: Record<string, unknown>,
  files: Record<string, string>,
  client: Db | Tx = db,
): Promise<AnswerLabels> {
  const [lists, units] = await Promise.all([codeListLabels(listsUsed(def), client), unitNames(unitCodes(def, answers), client)]);
  return answerLabels(def, answers, {
    listLabel: (list, code) => lists.get(`${list}:${code}`),
    unitName: (code) => units.get(code),
    fileName: (id) => files[id],
  });
}

/**
 * A dossier's labels: those stored at filing, or, for a dossier filed before they were stored, computed now
 * from reference data and its submitted papers.
 */
export async function dossierAnswerLabels(
  d: { answerLabels: unknown; answers: unknown; attachments: { fieldId: string | null; fileName: string; purpose: string }[] },
  def: FormDefinition,
  client: Db | Tx = db,
): Promise<AnswerLabels> {
  if (d.answerLabels && typeof d.answerLabels === "object" && !Array.isArray(d.answerLabels)) return d.answerLabels as AnswerLabels;
  const files = Object.fromEntries(
    d.attachments.filter((a) => a.purpose === "submission" && a.fieldId).map((a) => [a.fieldId!, a.fileName]),
  );
  return computeAnswerLabels(def, (d.answers ?? {}) as Record<string, unknown>, files, client);
}
