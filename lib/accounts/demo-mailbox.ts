// The demo's mailbox: with no mail relay configured, the demo (PORTAL_ENV=demo or development) shows the
// e-mails the portal queued on a page, so a visitor can open their verification or reset link. Never on
// any other stage, and never once SMTP_URL is set: it shows every link of every account.
import "server-only";
import { db } from "@/lib/db/client";
import { EMAIL_KIND, EmailMessage } from "@/lib/notify/email";

export function demoMailboxEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return ["demo", "development"].includes(env.PORTAL_ENV ?? "") && !env.SMTP_URL;
}

export interface DemoMail extends EmailMessage {
  id: string;
  queuedAt: Date;
}

/** The newest queued e-mails (sent or not: the demo has nowhere to send them). */
export async function demoMails(limit = 30): Promise<DemoMail[]> {
  if (!demoMailboxEnabled()) return [];
  const rows = await db.outboxMessage.findMany({
    where: { kind: EMAIL_KIND },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, payload: true, createdAt: true },
  });
  return rows.flatMap((r) => {
    const m = EmailMessage.safeParse(r.payload);
    return m.success ? [{ ...m.data, id: String(r.id), queuedAt: r.createdAt }] : [];
  });
}
