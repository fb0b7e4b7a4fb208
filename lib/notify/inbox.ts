// A user's in-app notifications as they read them: a page of the list (newest first, keyset), opening one
// (which marks it read and says where it leads), marking all read, and the unread count the site header
// shows. Every function takes the caller's actor and sees only that user's own notices: someone else's
// notice reads as "not found". Reading one's own notices is not audited (nothing is decided or disclosed).
import "server-only";
import { z } from "zod";
import { actorCan, actorUser, type Actor } from "@/lib/auth/actor";
import { safeNextPath } from "@/lib/auth/safe-next";
import { db } from "@/lib/db/client";
import { markAllRead, unreadCount } from "./notify";

/** Notices per page of /thong-bao. */
const NOTICES_PER_PAGE = 20;

/** A notice id as it appears in an address: digits of a BIGINT. */
const NoticeId = z
  .string()
  .regex(/^[1-9]\d{0,17}$/)
  .transform((s) => BigInt(s));

/** The signed-in user who may read notifications, or null. */
function reader(actor: Actor): { id: string } | null {
  const user = actorUser(actor);
  return user && actorCan(actor, "notification.readOwn") ? user : null;
}

/** How many of the user's notices are unread: one count on the partial index notification_unread_idx. */
export async function unreadNoticeCount(actor: Actor): Promise<number | null> {
  const user = reader(actor);
  return user ? unreadCount(user.id) : null;
}

export interface NoticePage {
  notices: { id: string; title: string; body: string; link: string | null; read: boolean; createdAt: Date }[];
  /** The cursor of the next page (the last notice's id), when there is one. */
  next: string | null;
  total: number;
  unread: number;
}

/**
 * A page of the user's notices, newest first; `after`: the id of the last notice of the previous page (one
 * that is not the user's, or not a notice id, starts from the top). Null when the actor may not read any.
 */
export async function noticePage(actor: Actor, after?: string | null, limit = NOTICES_PER_PAGE): Promise<NoticePage | null> {
  const user = reader(actor);
  if (!user) return null;
  const own = { userId: user.id };
  const afterId = NoticeId.safeParse(after ?? "");
  const cursor = afterId.success
    ? await db.notification.findFirst({ where: { ...own, id: afterId.data }, select: { id: true, createdAt: true } })
    : null;
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where: cursor
        ? { ...own, OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
        : own,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: own }),
    unreadCount(user.id),
  ]);
  const page = rows.slice(0, limit);
  return {
    notices: page.map((n) => ({
      id: String(n.id),
      title: n.title,
      body: n.body,
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
    next: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    total,
    unread,
  };
}

/** Where an opened notice leads when its link is missing or not a path on the portal. */
const NOTICES_PAGE = "/thong-bao";

export type OpenOutcome = { kind: "opened"; to: string } | { kind: "unauthenticated" } | { kind: "not_found" };

/**
 * Opens one of the user's notices: marks it read (once; the first reading time stays) and says where it
 * leads: its link, if it is a path on the portal, or the notifications page. Someone else's notice, or no
 * such notice, is "not found".
 */
export async function openNotice(actor: Actor, rawId: string): Promise<OpenOutcome> {
  if (!actorUser(actor)) return { kind: "unauthenticated" };
  const user = reader(actor);
  const id = NoticeId.safeParse(rawId);
  if (!user || !id.success) return { kind: "not_found" };
  const found = await db.$transaction(async (tx) => {
    const n = await tx.notification.findFirst({ where: { id: id.data, userId: user.id }, select: { link: true, readAt: true } });
    if (n && !n.readAt) await tx.notification.updateMany({ where: { id: id.data, readAt: null }, data: { readAt: new Date() } });
    return n;
  });
  if (!found) return { kind: "not_found" };
  return { kind: "opened", to: safeNextPath(found.link) ?? NOTICES_PAGE };
}

/** Marks every unread notice of the user read; returns how many there were (null: the actor may not). */
export async function markAllNoticesRead(actor: Actor): Promise<number | null> {
  const user = reader(actor);
  return user ? markAllRead(user.id) : null;
}
