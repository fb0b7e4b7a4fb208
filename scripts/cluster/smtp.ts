// The cluster proof's mail relay: an SMTP server (smtp-server, nodemailer's maintained package) that counts
// what it accepted, per recipient and message, and can hold its final reply to DATA so a job is in flight
// when the worker is killed. A message counts as delivered only once its 250 reply was written to a
// connection still open: a sender killed before the reply never learnt the message went, and a real relay
// with that commit point would see its retry as the one delivery.
import { SMTPServer } from "smtp-server";

export interface Accepted {
  to: string;
  subject: string;
  messageId: string;
  at: number;
}

export interface CountingSmtp {
  url: string;
  accepted: Accepted[];
  /** Messages whose sender went away before the 250 reply. */
  abandoned: number;
  /** Milliseconds to hold each 250 reply (0: answer at once). */
  setDelay(ms: number): void;
  /** Resolves when a DATA is being held (a job in flight). */
  nextInFlight(): Promise<void>;
  stop(): Promise<void>;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const m = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded);
  return m?.[1]?.trim() ?? "";
}

/** Decodes an RFC 2047 encoded-word subject (nodemailer writes UTF-8 subjects as =?UTF-8?Q?…?= or ?B?). */
function decodeSubject(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

export async function startCountingSmtp(port: number): Promise<CountingSmtp> {
  const accepted: Accepted[] = [];
  let delayMs = 0;
  let abandoned = 0;
  let waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const settle = () => {
          // The connection is gone: the sender never hears the 250, so this message is not delivered.
          const socket = (session as unknown as { socket?: { destroyed?: boolean } }).socket;
          if (closed.has(session.id) || socket?.destroyed) {
            abandoned++;
            return cb(new Error("connection closed"));
          }
          for (const rcpt of session.envelope.rcptTo)
            accepted.push({
              to: rcpt.address,
              subject: decodeSubject(header(raw, "Subject")),
              messageId: header(raw, "Message-ID"),
              at: Date.now(),
            });
          cb(null, "250 OK: queued");
        };
        if (delayMs > 0) {
          const w = waiters;
          waiters = [];
          w.forEach((f) => f());
          setTimeout(settle, delayMs);
        } else settle();
      });
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  const closed = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {}); // a sender killed mid-message resets its socket; that is the point of the test
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    accepted,
    get abandoned() {
      return abandoned;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    nextInFlight: () => new Promise<void>((r) => waiters.push(r)),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
