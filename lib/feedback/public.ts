// What anyone may read of feedback: the published items (question and answer with personal data removed,
// lib/feedback/privacy.ts), searched like the catalog (portal_fold + trigrams), and per-agency figures.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { cleanQuery } from "@/lib/catalog/fold";
import { db } from "@/lib/db/client";
import { isFeedbackCode } from "./code";

export const PUBLIC_PAGE_SIZE = 20;

interface PublishedItem {
  code: string;
  title: string;
  question: string;
  answer: string;
  publishedAt: Date;
  agency: string | null;
  procedure: string | null;
}

interface Row {
  code: string;
  public_title: string | null;
  public_question: string;
  public_answer: string;
  published_at: Date;
  agency: string | null;
  procedure: string | null;
  total: bigint;
}

/** Published items matching the query (any, newest first, when it is empty), a page at a time. */
export async function searchPublishedFeedback(
  rawQuery: string | undefined,
  page = 1,
): Promise<{ items: PublishedItem[]; total: number; query: string }> {
  const query = cleanQuery(rawQuery);
  const p = Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
  const match = query
    ? Prisma.sql`AND (f.search_text LIKE '%' || portal_fold(${query}) || '%' OR portal_fold(${query}) <% f.search_text)`
    : Prisma.empty;
  const order = query
    ? Prisma.sql`word_similarity(portal_fold(${query}), f.search_text) DESC, f.published_at DESC`
    : Prisma.sql`f.published_at DESC`;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT f.code, f.public_title, f.public_question, f.public_answer, f.published_at,
           a.name AS agency, pr.name AS procedure, count(*) OVER () AS total
    FROM feedback f
    LEFT JOIN agency a ON a.id = f.agency_id
    LEFT JOIN procedure pr ON pr.id = f.procedure_id
    WHERE f.status = 'published' AND f.published_at IS NOT NULL ${match}
    ORDER BY ${order}, f.id
    LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${(p - 1) * PUBLIC_PAGE_SIZE}`);
  return {
    query,
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      code: r.code,
      title: r.public_title ?? "",
      question: r.public_question,
      answer: r.public_answer,
      publishedAt: r.published_at,
      agency: r.agency,
      procedure: r.procedure,
    })),
  };
}

/** One published item, or null (unknown, or not published). */
export async function getPublishedFeedback(code: string): Promise<PublishedItem | null> {
  if (!isFeedbackCode(code)) return null;
  const f = await db.feedback.findFirst({
    where: { code, status: "published", publishedAt: { not: null } },
    select: {
      code: true,
      publicTitle: true,
      publicQuestion: true,
      publicAnswer: true,
      publishedAt: true,
      agency: { select: { name: true } },
      procedure: { select: { name: true } },
    },
  });
  if (!f || !f.publicQuestion || !f.publicAnswer) return null;
  return {
    code: f.code,
    title: f.publicTitle ?? "",
    question: f.publicQuestion,
    answer: f.publicAnswer,
    publishedAt: f.publishedAt!,
    agency: f.agency?.name ?? null,
    procedure: f.procedure?.name ?? null,
  };
}

interface AgencyFeedbackStats {
  agencyId: number;
  agency: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  /** Answered on time / answered, in percent; null when nothing was answered yet. */
  onTimeRate: number | null;
}

/** Per agency holding items: received, answered, answered on time, open and past due (now). */
export async function feedbackStatsByAgency(now = new Date()): Promise<AgencyFeedbackStats[]> {
  const rows = await db.$queryRaw<
    { agency_id: number; agency: string; received: bigint; answered: bigint; on_time: bigint; overdue: bigint }[]
  >`
    SELECT a.id AS agency_id, a.name AS agency,
           count(*) AS received,
           count(*) FILTER (WHERE f.answered_at IS NOT NULL) AS answered,
           count(*) FILTER (WHERE f.answered_at IS NOT NULL AND f.answered_at <= f.due_at) AS on_time,
           count(*) FILTER (WHERE f.status NOT IN ('refused', 'answered', 'published') AND f.due_at < ${now}) AS overdue
    FROM feedback f JOIN agency a ON a.id = f.agency_id
    GROUP BY a.id, a.name
    ORDER BY count(*) DESC, a.name`;
  return rows.map((r) => {
    const answered = Number(r.answered);
    const onTime = Number(r.on_time);
    return {
      agencyId: r.agency_id,
      agency: r.agency,
      received: Number(r.received),
      answered,
      answeredOnTime: onTime,
      overdue: Number(r.overdue),
      onTimeRate: answered ? Math.round((onTime / answered) * 1000) / 10 : null,
    };
  });
}
