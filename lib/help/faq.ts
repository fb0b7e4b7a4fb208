// Frequently asked questions: general ones about the portal (no procedure) and ones about a procedure, edited by
// catalog administrators (catalog.faq) through the door (zod, permission, one transaction, audit) with a version
// check, read on the procedure page (components/faq/ProcedureFaq.tsx) and searched on /hoi-dap like the catalog:
// the folded question and answer (search_text, kept by a trigger with portal_fold) matched by substring or trigram.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { cleanQuery } from "@/lib/catalog/fold";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { faqText } from "@/lib/i18n/vi/help";

const E = faqText.errors;

export interface FaqItem {
  id: number;
  question: string;
  answer: string;
  position: number;
  version: number;
  procedure: { code: string; name: string } | null;
}

const SELECT = {
  id: true,
  question: true,
  answer: true,
  position: true,
  version: true,
  procedure: { select: { code: true, name: true } },
} as const;

/** Every question: the general ones first, then per procedure (by code), each in its order. */
export async function listFaqs(): Promise<FaqItem[]> {
  const rows = await db.faq.findMany({ select: SELECT, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.sort((a, b) => (a.procedure?.code ?? "").localeCompare(b.procedure?.code ?? "") || a.position - b.position || a.id - b.id);
}

/** The questions about one procedure (by its national code), in their order. */
export async function faqsForProcedure(procedureCode: string): Promise<FaqItem[]> {
  return db.faq.findMany({
    where: { procedure: { code: procedureCode } },
    select: SELECT,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

interface Row {
  id: number;
  question: string;
  answer: string;
  position: number;
  version: number;
  procedure_code: string | null;
  procedure_name: string | null;
}

/** Questions matching a query as the catalog matches it (folded substring, or trigram word similarity), best first. */
export async function searchFaqs(rawQuery: string | undefined, limit = 50): Promise<{ query: string; items: FaqItem[] }> {
  const query = cleanQuery(rawQuery);
  if (!query) return { query, items: await listFaqs() };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT f.id, f.question, f.answer, f.position, f.version, p.code AS procedure_code, p.name AS procedure_name
    FROM faq f LEFT JOIN procedure p ON p.id = f.procedure_id
    WHERE f.search_text LIKE '%' || portal_fold(${query}) || '%' OR portal_fold(${query}) <% f.search_text
    ORDER BY (f.search_text LIKE '%' || portal_fold(${query}) || '%') DESC,
             word_similarity(portal_fold(${query}), f.search_text) DESC, f.position, f.id
    LIMIT ${limit}`);
  return {
    query,
    items: rows.map((r) => ({
      id: r.id,
      question: r.question,
      answer: r.answer,
      position: r.position,
      version: r.version,
      procedure: r.procedure_code ? { code: r.procedure_code, name: r.procedure_name ?? "" } : null,
    })),
  };
}

const rowId = z.coerce.number().int().positive().max(2_147_483_647);
const blankToUndefined = (v: unknown) => (v === "" || v == null ? undefined : v);

const FaqInput = z.object({
  id: z.preprocess(blankToUndefined, rowId.optional()),
  /** The version the editor read: required to change an existing question. */
  version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  question: z.string({ error: E.question }).trim().min(5, E.question).max(300, E.question),
  answer: z.string({ error: E.answer }).trim().min(5, E.answer).max(5000, E.answer),
  procedureCode: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.union([z.literal(""), z.string().regex(/^\d\.\d{6}$/, E.procedureFormat)]).optional(),
  ),
  position: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: E.position }).int(E.position).min(0, E.position).max(999, E.position).default(0),
  ),
});

async function procedureIdOf(tx: Tx, code: string | undefined): Promise<number | null> {
  if (!code) return null;
  const p = await tx.procedure.findUnique({ where: { code }, select: { id: true } });
  if (!p) throw new AppError("invalid", E.procedure, { procedureCode: E.procedure }, "faq_procedure_unknown");
  return p.id;
}

/** The refusal when a versioned write touched nothing: gone, or changed since the editor read it. */
async function staleOrGone(tx: Tx, id: number): Promise<never> {
  const still = await tx.faq.findUnique({ where: { id }, select: { id: true } });
  if (!still) throw new AppError("not_found", E.notFound, undefined, "faq_not_found");
  throw new AppError("conflict", E.changed, undefined, "faq_changed");
}

export const saveFaq = defineUseCase({
  name: "catalog.saveFaq",
  permission: "catalog.faq",
  schema: FaqInput,
  entityType: "faq",
  async run(input, { tx, user }) {
    const procedureId = await procedureIdOf(tx, input.procedureCode || undefined);
    const data = { question: input.question, answer: input.answer, position: input.position, procedureId, updatedById: user?.id ?? null };
    let id: number;
    let version: number;
    if (input.id) {
      if (input.version == null) throw new AppError("invalid", E.changed, undefined, "faq_version_missing");
      const done = await tx.faq.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (done.count === 0) await staleOrGone(tx, input.id);
      id = input.id;
      version = input.version + 1;
    } else {
      const row = await tx.faq.create({ data, select: { id: true, version: true } });
      id = row.id;
      version = row.version;
    }
    return {
      result: { id, version },
      entityId: String(id),
      details: { procedureCode: input.procedureCode || null, question: input.question, version },
    };
  },
});

export const deleteFaq = defineUseCase({
  name: "catalog.deleteFaq",
  permission: "catalog.faq",
  schema: z.object({ id: rowId, version: z.coerce.number().int().positive().max(2_147_483_647) }),
  entityType: "faq",
  async run(input, { tx }) {
    const gone = await tx.faq.deleteMany({ where: { id: input.id, version: input.version } });
    if (gone.count === 0) await staleOrGone(tx, input.id);
    return { result: { id: input.id }, entityId: String(input.id) };
  },
});
