// The agency's side of feedback: its queue, one item, and the actions on it, each through the mutation door
// with the item's version (a stale page is refused), scoped to the officer's agency (another agency's item is
// "not found"). An answer is written by one officer and sent only once a SECOND officer of the agency approved
// it; the submitter is then told (e-mail; in-app too when they were signed in) and, with their consent, the
// question and answer are published with personal data removed. The VPCP routes what no agency was found for
// and may reroute any open item.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { isRetiredAt } from "@/lib/agencies/succession";
import { loadCalendar } from "@/lib/calendar/store";
import { dueDate } from "@/lib/calendar/working-days";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { feedbackText as t } from "@/lib/i18n/vi/feedback";
import { isFeedbackCode } from "./code";
import { publishedLink, tellSubmitter } from "./mail";
import { leaksPersonalData } from "./privacy";
import { feedbackDeadlines } from "./settings";
import { allows, CLOSED, type FeedbackAction, type FeedbackStatus } from "./status";

const E = t.errors;

// --- reading -------------------------------------------------------------------------------------------

export type QueueTab = "open" | "pending" | "closed";

export function queueTab(raw: unknown): QueueTab {
  return raw === "pending" || raw === "closed" ? raw : "open";
}

const LIST_SELECT = {
  id: true,
  code: true,
  title: true,
  topic: true,
  status: true,
  answerState: true,
  version: true,
  receivedAt: true,
  dueAt: true,
  forwardDueAt: true,
  agency: { select: { name: true } },
} as const;

function tabWhere(tab: QueueTab): Prisma.FeedbackWhereInput {
  if (tab === "closed") return { status: { in: [...CLOSED] } };
  if (tab === "pending") return { status: "in_progress", answerState: "pending" };
  return { status: { notIn: [...CLOSED] } };
}

/** The officer's agency's items in the tab, the nearest deadline first. */
export async function feedbackQueue(user: CurrentUser, tab: QueueTab, limit = 100) {
  if (user.agencyId == null) return [];
  return db.feedback.findMany({
    where: { agencyId: user.agencyId, ...tabWhere(tab) },
    orderBy: tab === "closed" ? [{ updatedAt: "desc" }] : [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
    select: LIST_SELECT,
  });
}

/** Items no agency holds yet, then every other open item (the VPCP's routing page). */
export async function feedbackForRouting(limit = 100) {
  return db.feedback.findMany({
    where: { status: { notIn: [...CLOSED] } },
    orderBy: [{ agencyId: { sort: "asc", nulls: "first" } }, { dueAt: "asc" }],
    take: limit,
    select: LIST_SELECT,
  });
}

/** Everything the item page shows, for an officer of the agency holding it (or the VPCP); null otherwise. */
export async function getFeedbackForOfficer(user: CurrentUser, code: string) {
  if (!isFeedbackCode(code)) return null;
  const item = await db.feedback.findUnique({
    where: { code },
    include: {
      agency: { select: { id: true, name: true } },
      namedAgency: { select: { name: true } },
      procedure: { select: { code: true, name: true } },
      dossier: { select: { code: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!item) return null;
  const vpcp = user.role === "VPCP_ADMIN";
  if (!vpcp && (user.agencyId == null || item.agencyId !== user.agencyId)) return null;
  const people = await db.user.findMany({
    where: { id: { in: [item.answerById, item.approvedById, ...item.events.map((e) => e.actorId)].filter((x): x is string => !!x) } },
    select: { id: true, fullName: true },
  });
  const agencies = await db.agency.findMany({
    where: { id: { in: item.events.flatMap((e) => [e.fromAgencyId, e.toAgencyId]).filter((x): x is number => x != null) } },
    select: { id: true, name: true },
  });
  return {
    ...item,
    names: Object.fromEntries(people.map((p) => [p.id, p.fullName])) as Record<string, string>,
    agencyNames: Object.fromEntries(agencies.map((a) => [a.id, a.name])) as Record<number, string>,
  };
}

/** Agencies an item may be forwarded or routed to: those in force, by name. */
export async function routingTargets() {
  const now = new Date();
  const rows = await db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, validTo: true } });
  return rows.filter((a) => !isRetiredAt(a, now)).map(({ id, name }) => ({ id, name }));
}

/** An attachment of an item the officer may see. */
export async function feedbackAttachmentFor(user: CurrentUser, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const a = await db.feedbackAttachment.findUnique({ where: { id }, include: { feedback: { select: { agencyId: true } } } });
  if (!a) return null;
  if (user.role !== "VPCP_ADMIN" && (user.agencyId == null || a.feedback.agencyId !== user.agencyId)) return null;
  return a;
}

// --- acting --------------------------------------------------------------------------------------------

const Ref = { code: z.string().refine(isFeedbackCode, E.notFound), version: z.coerce.number().int().positive().max(2_147_483_647) };
const reason = z.string({ error: E.reason }).trim().min(1, E.reason).max(2000, E.reason);
const longText = (message: string) => z.string({ error: message }).trim().min(10, message).max(10_000, message);
const agencyRef = z.coerce
  .number({ error: E.targetAgency })
  .int(E.targetAgency)
  .positive(E.targetAgency)
  .max(2_147_483_647, E.targetAgency);

type Item = NonNullable<Awaited<ReturnType<typeof lockedItem>>>;

/** The item, locked for the rest of the transaction, if the actor's agency holds it (the VPCP: any). */
async function lockedItem(tx: Tx, user: CurrentUser, code: string, { anyAgency = false } = {}) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM feedback WHERE code = ${code} FOR UPDATE`;
  const item = row ? await tx.feedback.findUnique({ where: { id: row.id }, include: { agency: { select: { name: true } } } }) : null;
  if (!item || (!anyAgency && (user.agencyId == null || item.agencyId !== user.agencyId)))
    throw new AppError("not_found", E.notFound, undefined, "feedback.not_found");
  return item;
}

function requireVersion(item: Item, version: number) {
  if (item.version !== version) throw new AppError("conflict", E.changed, undefined, "feedback.changed");
}

function requireAllows(action: FeedbackAction, item: Item) {
  if (!allows(action, item.status)) throw new AppError("invalid", E.wrongStatus(item.status), undefined, "feedback.wrong_status");
}

async function change(
  tx: Tx,
  item: Item,
  actorId: string,
  action: FeedbackAction | "publish",
  data: Prisma.FeedbackUncheckedUpdateInput & { status?: FeedbackStatus },
  note?: string | null,
) {
  const toStatus = (data.status as string | undefined) ?? item.status;
  const toAgency = data.agencyId === undefined ? item.agencyId : (data.agencyId as number | null);
  await tx.feedback.update({ where: { id: item.id }, data: { ...data, version: { increment: 1 } } });
  await tx.feedbackEvent.create({
    data: {
      feedbackId: item.id,
      actorId,
      action,
      fromStatus: item.status,
      toStatus,
      fromAgencyId: item.agencyId,
      toAgencyId: toAgency,
      note: note ?? null,
    },
  });
}

const submitterOf = (item: Item) => ({ submitterId: item.submitterId, submitterEmail: item.submitterEmail });

/** The deadlines of an agency that gets the item now (a forward or a reroute starts its clock again). */
async function freshDeadlines(tx: Tx, now: Date) {
  const cal = await loadCalendar(tx, now);
  const { forwardDays, answerDays } = feedbackDeadlines();
  return { assignedAt: now, forwardDueAt: dueDate(now, forwardDays, cal).dueAt, dueAt: dueDate(now, answerDays, cal).dueAt };
}

async function targetAgency(tx: Tx, id: number, current: number | null) {
  const a = await tx.agency.findUnique({ where: { id }, select: { id: true, name: true, validTo: true } });
  if (!a || a.id === current || isRetiredAt(a, new Date()))
    throw new AppError("invalid", E.targetAgency, "agencyId", "feedback.bad_target");
  return a;
}

export const acceptFeedback = defineUseCase({
  name: "feedback.accept",
  permission: "feedback.handle",
  schema: z.object(Ref),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("accept", item);
    await change(tx, item, user!.id, "accept", { status: "accepted" });
    return { result: { code: item.code }, entityId: item.id };
  },
});

export const refuseFeedback = defineUseCase({
  name: "feedback.refuse",
  permission: "feedback.handle",
  schema: z.object({ ...Ref, reason }),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("refuse", item);
    await change(tx, item, user!.id, "refuse", { status: "refused", refusalReason: input.reason }, input.reason);
    await tellSubmitter(
      tx,
      submitterOf(item),
      t.mail.refusedSubject(item.code),
      t.mail.refusedBody(item.submitterName, item.code, item.agency?.name ?? t.mail.vpcp, input.reason),
    );
    return { result: { code: item.code }, entityId: item.id };
  },
});

/** Outside the agency's competence: handed to the competent agency, whose clock starts now. Late when past forwardDueAt (recorded). */
export const forwardFeedback = defineUseCase({
  name: "feedback.forward",
  permission: "feedback.handle",
  schema: z.object({ ...Ref, agencyId: agencyRef, reason }),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("forward", item);
    const to = await targetAgency(tx, input.agencyId, item.agencyId);
    const now = new Date();
    const late = now.getTime() > item.forwardDueAt.getTime();
    await change(
      tx,
      item,
      user!.id,
      "forward",
      { status: "forwarded", agencyId: to.id, answerState: null, ...(await freshDeadlines(tx, now)) },
      input.reason,
    );
    await tellSubmitter(
      tx,
      submitterOf(item),
      t.mail.forwardedSubject(item.code),
      t.mail.forwardedBody(item.submitterName, item.code, to.name),
    );
    return { result: { code: item.code, late }, entityId: item.id, details: { to: to.id, late } };
  },
});

export const rerouteFeedback = defineUseCase({
  name: "feedback.reroute",
  permission: "feedback.route",
  schema: z.object({ ...Ref, agencyId: agencyRef, reason: reason.optional() }),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code, { anyAgency: true });
    requireVersion(item, input.version);
    requireAllows("reroute", item);
    const to = await targetAgency(tx, input.agencyId, item.agencyId);
    const status: FeedbackStatus = item.agencyId == null ? "received" : "forwarded";
    await change(
      tx,
      item,
      user!.id,
      "reroute",
      { status, agencyId: to.id, answerState: null, ...(await freshDeadlines(tx, new Date())) },
      input.reason,
    );
    if (item.agencyId != null)
      await tellSubmitter(
        tx,
        submitterOf(item),
        t.mail.forwardedSubject(item.code),
        t.mail.forwardedBody(item.submitterName, item.code, to.name),
      );
    return { result: { code: item.code }, entityId: item.id, details: { from: item.agencyId, to: to.id } };
  },
});

/** The answer, and (with the submitter's consent) the text to publish, sent to a second officer for review. */
export const draftFeedbackAnswer = defineUseCase({
  name: "feedback.draft",
  permission: "feedback.handle",
  schema: z.object({
    ...Ref,
    answer: longText(E.answer),
    publicTitle: z.string().trim().max(200, E.title).optional(),
    publicQuestion: z.string().trim().max(10_000, E.publicText).optional(),
    publicAnswer: z.string().trim().max(10_000, E.publicText).optional(),
  }),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("draft", item);
    const pub = { publicTitle: null as string | null, publicQuestion: null as string | null, publicAnswer: null as string | null };
    if (item.consent) {
      const errors: Record<string, string> = {};
      const personal = { name: item.submitterName, email: item.submitterEmail, phone: item.submitterPhone };
      for (const k of ["publicTitle", "publicQuestion", "publicAnswer"] as const) {
        const v = input[k] ?? "";
        if (v.length < (k === "publicTitle" ? 5 : 10)) errors[k] = k === "publicTitle" ? E.title : E.publicText;
        else if (leaksPersonalData(v, personal)) errors[k] = t.errors.publicText + " Còn thông tin cá nhân của người gửi.";
        else pub[k] = v;
      }
      if (Object.keys(errors).length) throw new AppError("invalid", E.publicText, errors, "feedback.public_text");
    }
    await change(tx, item, user!.id, "draft", {
      status: "in_progress",
      answer: input.answer,
      answerState: "pending",
      answerById: user!.id,
      reviewNote: null,
      ...pub,
    });
    return { result: { code: item.code }, entityId: item.id };
  },
});

function requirePending(item: Item, userId: string) {
  if (item.answerState !== "pending" || !item.answer)
    throw new AppError("invalid", E.noPendingAnswer, undefined, "feedback.no_pending_answer");
  if (item.answerById === userId) throw new AppError("forbidden", E.ownAnswer, undefined, "feedback.same_officer");
}

/** A second officer approves: the answer is sent, and published when the submitter consented. */
export const approveFeedbackAnswer = defineUseCase({
  name: "feedback.approve",
  permission: "feedback.handle",
  schema: z.object(Ref),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("approve", item);
    requirePending(item, user!.id);
    const now = new Date();
    const publish = item.consent && !!item.publicQuestion && !!item.publicAnswer;
    await change(tx, item, user!.id, "approve", {
      status: publish ? "published" : "answered",
      answerState: "approved",
      approvedById: user!.id,
      answeredAt: now,
      publishedAt: publish ? now : null,
    });
    const agency = item.agency?.name ?? t.mail.vpcp;
    const body = t.mail.answeredBody(item.submitterName, item.code, agency, item.answer!);
    await tellSubmitter(
      tx,
      submitterOf(item),
      t.mail.answeredSubject(item.code),
      publish ? `${body}\n\n${t.mail.publishedLine}` : body,
      publish ? publishedLink(item.code) : undefined,
    );
    return {
      result: { code: item.code, published: publish },
      entityId: item.id,
      details: { published: publish, onTime: now <= item.dueAt },
    };
  },
});

export const sendBackFeedbackAnswer = defineUseCase({
  name: "feedback.sendBack",
  permission: "feedback.handle",
  schema: z.object({ ...Ref, note: reason }),
  entityType: "feedback",
  async run(input, { tx, user }) {
    const item = await lockedItem(tx, user!, input.code);
    requireVersion(item, input.version);
    requireAllows("send_back", item);
    requirePending(item, user!.id);
    await change(tx, item, user!.id, "send_back", { answerState: "returned", reviewNote: input.note }, input.note);
    return { result: { code: item.code }, entityId: item.id };
  },
});
