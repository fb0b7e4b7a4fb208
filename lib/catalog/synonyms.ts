// The synonyms search uses, and their upkeep by VPCP administrators. Every node reads them from the
// database and keeps them for SYNONYMS_TTL_MS, so an edit on one node is used by every node within a minute.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { db, type Db, type Tx } from "@/lib/db/client";
import { catalogText } from "@/lib/i18n/vi/catalog-synonyms";
import { fold } from "./fold";
import { phraseKeyOf, words, type Synonym } from "./query-expansion";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";

const SYNONYMS_TTL_MS = 30_000;
let memo: { at: number; list: Promise<Synonym[]> } | null = null;

/** The synonyms in force (read at most every 30 seconds per node). */
export function searchSynonyms(): Promise<Synonym[]> {
  if (!memo || Date.now() - memo.at > SYNONYMS_TTL_MS) {
    const list = db.searchSynonym
      .findMany({ select: { phraseKey: true, official: true } })
      .then((rows) => rows.map((r) => ({ phraseKey: r.phraseKey, officialKey: fold(r.official) })));
    memo = { at: Date.now(), list };
    list.catch(() => (memo = null));
  }
  return memo.list;
}

export interface SynonymRow {
  id: number;
  phrase: string;
  official: string;
  updatedAt: Date;
}

export async function listSynonyms(client: Db | Tx = db): Promise<SynonymRow[]> {
  return client.searchSynonym.findMany({
    select: { id: true, phrase: true, official: true, updatedAt: true },
    orderBy: [{ phraseKey: "asc" }],
  });
}

const t = catalogText;
const text = (label: string) =>
  z
    .string()
    .trim()
    .min(1, t.required(label))
    .max(120, t.tooLong(label, 120))
    .refine((v) => words(fold(v)).length > 0, t.noLetters(label));

/** A row id as a form sends it: a positive int4. */
const rowId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * Forgets this node's copy of the list, so its next search reads the list again: called by the caller of a
 * change once the change has committed (inside the transaction a search could still read the old list).
 */
export function forgetSynonyms(): void {
  memo = null;
}

const SynonymInput = z.object({ phrase: text(t.phrase), official: text(t.official) });

export const saveSynonym = defineUseCase({
  name: "catalog.saveSynonym",
  permission: "catalog.synonyms",
  // A new pair's form sends no id (or an empty one).
  schema: SynonymInput.extend({
    id: z.preprocess((v) => (v === "" || v == null ? undefined : v), rowId.optional()),
  }),
  entityType: "search_synonym",
  async run(input, { tx, user }) {
    const phraseKey = phraseKeyOf(input.phrase);
    if (phraseKey === phraseKeyOf(input.official)) throw new AppError("invalid", t.same, { official: t.same }, "synonym_same");
    const clash = await tx.searchSynonym.findUnique({ where: { phraseKey }, select: { id: true } });
    if (clash && clash.id !== input.id) throw new AppError("conflict", t.exists, { phrase: t.exists }, "synonym_exists");
    const data = { phrase: input.phrase, phraseKey, official: input.official, updatedById: user?.id ?? null };
    if (input.id && !(await tx.searchSynonym.findUnique({ where: { id: input.id }, select: { id: true } })))
      throw new AppError("not_found", t.notFound, undefined, "synonym_not_found");
    const row = input.id
      ? await tx.searchSynonym.update({ where: { id: input.id }, data, select: { id: true } })
      : await tx.searchSynonym.create({ data, select: { id: true } });
    await expireCatalogEverywhere(tx);
    return { result: { id: row.id }, entityId: String(row.id), details: { phrase: input.phrase, official: input.official } };
  },
});

export const deleteSynonym = defineUseCase({
  name: "catalog.deleteSynonym",
  permission: "catalog.synonyms",
  schema: z.object({ id: rowId }),
  entityType: "search_synonym",
  async run(input, { tx }) {
    const gone = await tx.searchSynonym.deleteMany({ where: { id: input.id } });
    if (gone.count === 0) throw new AppError("not_found", t.notFound, undefined, "synonym_not_found");
    await expireCatalogEverywhere(tx);
    return { result: { id: input.id }, entityId: String(input.id) };
  },
});
