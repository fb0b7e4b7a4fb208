// The e-mails the portal queued (the outbox's "email" rows), as a mailbox per address: the tests read the
// verification and reset links from them like a person would from their inbox.
import { db } from "@/lib/db/client";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

export async function mailsTo(email: string): Promise<SentMail[]> {
  const rows = await db.outboxMessage.findMany({
    where: { kind: "email", payload: { path: ["to"], equals: email } },
    orderBy: { id: "asc" },
    select: { payload: true },
  });
  return rows.map((r) => r.payload as unknown as SentMail);
}

/** The token of the last link to `path` (e.g. "/xac-nhan-email") in the address's mails. */
export async function lastToken(email: string, path: string): Promise<string> {
  const tokens = (await mailsTo(email)).flatMap((m) =>
    [...m.text.matchAll(/https?:\/\/\S+/g)].map((x) => new URL(x[0])).filter((u) => u.pathname === path),
  );
  const token = tokens.at(-1)?.searchParams.get("ma");
  if (!token) throw new Error(`no ${path} link in the mails to ${email}`);
  return token;
}
