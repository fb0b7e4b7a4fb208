// The e-mails of accounts (verification, already registered, CCCD already held, reset, password changed),
// written to the outbox in the caller's transaction. Unlike dossier notices they are queued whether or not
// a relay is configured: an account cannot be verified or recovered without them (a deployment must set
// SMTP_URL; the demo and the tests read them from the outbox).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { accountText } from "@/lib/i18n/vi/accounts";
import { EMAIL_KIND, type EmailMessage } from "@/lib/notify/email";
import { publicBaseUrl } from "@/lib/notify/notify";
import { enqueue } from "@/lib/notify/outbox";

const m = accountText.mail;

/** An absolute link to a page of the portal, with its query. */
function portalLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, publicBaseUrl());
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

const LINKS = {
  signIn: () => portalLink("/dang-nhap"),
  forgot: () => portalLink("/quen-mat-khau"),
  verify: (token: string) => portalLink("/xac-nhan-email", { ma: token }),
  reset: (token: string) => portalLink("/dat-lai-mat-khau", { ma: token }),
};

export type AccountMail =
  | { kind: "verify"; name: string; token: string }
  | { kind: "alreadyRegistered"; verifyToken: string | null }
  | { kind: "cccdTaken" }
  | { kind: "cccdNotice" }
  | { kind: "reset"; token: string }
  | { kind: "passwordChanged" };

function compose(mail: AccountMail): { subject: string; text: string } {
  switch (mail.kind) {
    case "verify":
      return { subject: m.verify.subject, text: m.verify.body(mail.name, LINKS.verify(mail.token)) };
    case "alreadyRegistered":
      return {
        subject: m.alreadyRegistered.subject,
        text: m.alreadyRegistered.body(LINKS.signIn(), LINKS.forgot(), mail.verifyToken ? LINKS.verify(mail.verifyToken) : null),
      };
    case "cccdTaken":
      return { subject: m.cccdTaken.subject, text: m.cccdTaken.body(LINKS.forgot()) };
    case "cccdNotice":
      return { subject: m.cccdNotice.subject, text: m.cccdNotice.body(LINKS.signIn(), LINKS.forgot()) };
    case "reset":
      return { subject: m.reset.subject, text: m.reset.body(LINKS.reset(mail.token)) };
    case "passwordChanged":
      return { subject: m.passwordChanged.subject, text: m.passwordChanged.body(LINKS.forgot()) };
  }
}

/** Queues the e-mail in the caller's transaction: it is sent exactly when the change that caused it commits. */
/** Nothing is sent to an account without an address (made by a first e-ID sign-in). */
export async function sendAccountMail(tx: Tx, to: string | null, mail: AccountMail): Promise<void> {
  if (!to) return;
  const { subject, text } = compose(mail);
  const message: EmailMessage = { to, subject, text: text + m.signature };
  await enqueue(tx, EMAIL_KIND, { ...message });
}
