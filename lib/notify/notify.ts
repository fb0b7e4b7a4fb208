// Telling a user that something happened: the in-app notification (always) and, when a mail relay is
// configured, an e-mail sent later through the outbox so a failing relay never blocks the change.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { EMAIL_KIND, smtpConfigured, type EmailMessage } from "./email";
import { enqueue } from "./outbox";

export interface UserNotice {
  /** Null: nobody holds an account for it (a dossier received at an agency's counter) — no in-app notice, the e-mail only. */
  userId: string | null;
  email?: string | null;
  dossierId?: string | null;
  title: string;
  body: string;
  /** A path in the portal (/ho-so/…) or an absolute URL. */
  link?: string | null;
}

/** The portal's public address, for links that leave the browser (e-mails). */
export function publicBaseUrl(): string {
  return process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
}

function absoluteLink(link: string): string {
  return new URL(link, publicBaseUrl()).toString();
}

/** Runs in the caller's transaction, so the notice exists exactly when the change it reports commits. */
export async function notifyUser(tx: Tx, n: UserNotice): Promise<void> {
  if (n.userId) {
    await tx.notification.create({
      data: { userId: n.userId, dossierId: n.dossierId ?? null, title: n.title, body: n.body, link: n.link ?? null },
    });
  }
  if (!n.email || !smtpConfigured()) return;
  const message: EmailMessage = {
    to: n.email,
    subject: n.title,
    text: n.link ? `${n.body}\n\n${absoluteLink(n.link)}` : n.body,
  };
  await enqueue(tx, EMAIL_KIND, message);
}

export async function listNotifications(userId: string, limit = 20) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, dossierId: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

/** One count on the partial index notification_unread_idx (the site header asks on every navigation). */
export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks every unread notice of the user as read now; returns how many there were. */
export async function markAllRead(userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
