// Outgoing e-mail over SMTP (nodemailer), and the outbox handler that sends the "email" messages.
//
// SMTP_URL names the relay: smtp://user:pass@host:port (STARTTLS when the server offers it) or
// smtps://… (TLS from the first byte, port 465 by default). Query flags: `?requireTLS=true` refuses to
// send unless STARTTLS succeeds; `?ignoreTLS=true` never tries STARTTLS, for a plain relay on the same
// host (e.g. smtp://127.0.0.1:2525?ignoreTLS=true). User and password are percent-decoded.
// MAIL_FROM is the sender shown to citizens.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { PermanentFailure, type OutboxHandler } from "./outbox";

export const EMAIL_KIND = "email";
const DEFAULT_MAIL_FROM = "Cổng Dịch vụ công Quốc gia <no-reply@dichvucong.example>";

export const EmailMessage = z.object({
  to: z.email(),
  subject: z.string().min(1).max(500),
  text: z.string(),
});
export type EmailMessage = z.infer<typeof EmailMessage>;

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

function mailFrom(): string {
  return process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

function transportOptions(raw: string): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The URL holds a password: never echo it.
    throw new Error("SMTP_URL is not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const secure = url.protocol === "smtps:";
  const flag = (name: string) => url.searchParams.get(name) === "true";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    requireTLS: flag("requireTLS"),
    ignoreTLS: flag("ignoreTLS"),
    // Nodemailer's defaults (2 min to connect, 10 min idle) could outlast the outbox lease and let a
    // second worker send the same message; a stuck relay should instead fail and be retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
}

// One transport per URL: nodemailer parses and validates options once; a changed SMTP_URL (tests, a
// reconfigured relay) gets its own. Not pooled: one connection per message is plenty at our volume and
// leaves no idle connection to break when the relay restarts.
const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

function transport(): Transporter<SMTPTransport.SentMessageInfo> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(transportOptions(url));
    transports.set(url, t);
  }
  return t;
}

async function sendEmail(m: EmailMessage): Promise<void> {
  await transport().sendMail({ from: mailFrom(), to: m.to, subject: m.subject, text: m.text });
}

/** True for nodemailer's error when the relay answered RCPT TO with a 5xx: the address does not exist or is refused. */
function recipientRefused(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; command?: unknown; responseCode?: unknown };
  return e.code === "EENVELOPE" && e.command === "RCPT TO" && typeof e.responseCode === "number" && e.responseCode >= 500;
}

/** Sends one outbox "email" message. A refused recipient is final; anything else is retried. */
export const emailHandler: OutboxHandler = async (payload) => {
  const parsed = EmailMessage.safeParse(payload);
  if (!parsed.success) throw new PermanentFailure(`malformed e-mail payload: ${z.prettifyError(parsed.error)}`);
  try {
    await sendEmail(parsed.data);
  } catch (err) {
    // Only a 5xx refusal of the recipient is about this message; a 5xx elsewhere (authentication,
    // sender) is the relay's configuration, which an operator can fix while the retries run.
    if (recipientRefused(err)) throw new PermanentFailure(err instanceof Error ? err.message : "recipient refused", { cause: err });
    throw err;
  }
};
