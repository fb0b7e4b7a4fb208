// Telling the submitter of a feedback item what happened: always an e-mail through the outbox (an anonymous
// submitter has no other way to be reached; like account mails it is queued whether or not a relay is
// configured), and an in-app notice too when they were signed in.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { EMAIL_KIND, type EmailMessage } from "@/lib/notify/email";
import { notifyUser, publicBaseUrl } from "@/lib/notify/notify";
import { enqueue } from "@/lib/notify/outbox";

interface SubmitterRef {
  submitterId: string | null;
  submitterEmail: string;
}

export async function tellSubmitter(tx: Tx, to: SubmitterRef, subject: string, body: string, link?: string): Promise<void> {
  const text = link ? `${body}\n\n${new URL(link, publicBaseUrl()).toString()}` : body;
  const message: EmailMessage = { to: to.submitterEmail, subject, text };
  await enqueue(tx, EMAIL_KIND, message);
  if (to.submitterId) await notifyUser(tx, { userId: to.submitterId, email: null, title: subject, body, link: link ?? null });
}

export const publishedLink = (code: string) => `/phan-anh-kien-nghi/${encodeURIComponent(code)}`;
