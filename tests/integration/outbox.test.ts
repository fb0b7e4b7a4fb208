// The outbox and e-mail notifications against the test database, the job queue (pg-boss) and a real SMTP
// server on 127.0.0.1: delivery, backoff while the relay is down, giving up and resending, no double sends,
// and a worker stopped with a job in flight.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { EMAIL_KIND, emailHandler } from "@/lib/notify/email";
import { listNotifications, markAllRead, notifyUser, unreadCount } from "@/lib/notify/notify";
import { BASE_DELAY_MS, MAX_ATTEMPTS, enqueue, listDead, resendDead, retryDelayMs } from "@/lib/notify/outbox";
import { QUEUE } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import { jobCount, jobsOf, makeDue, runDueJobs, testBoss } from "@/tests/support/jobs";

// ---- a small SMTP server that keeps what it receives -------------------------------------------

interface Received {
  envelopeFrom: string;
  to: string[];
  user: string | undefined;
  headers: Map<string, string>;
  subject: string;
  text: string;
}

const SMTP_USER = "cong-outbox";
const SMTP_PASS = "mật khẩu:2026"; // non-ASCII and a colon: SMTP_URL must percent-decode it
const REFUSED = "khong-ton-tai@dichvucong.example";

/** Decodes a byte string with =XX escapes (quoted-printable, RFC 2047 "Q"). */
function qpBytes(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** RFC 2047: adjacent encoded words are one text (a character may even straddle two), whitespace between them is folding. */
function decodeHeader(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return value.replace(/=\?[^?]+\?[QqBb]\?[^?]*\?=(?:\s*=\?[^?]+\?[QqBb]\?[^?]*\?=)*/g, (run) => {
    const parts: Buffer[] = [];
    for (const m of run.matchAll(word)) {
      const [, charset = "", enc = "", text = ""] = m;
      if (charset.toLowerCase() !== "utf-8") throw new Error(`unexpected charset ${charset}`);
      parts.push(enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " ")));
    }
    return Buffer.concat(parts).toString("utf8");
  });
}

function parseMessage(raw: Buffer): { headers: Map<string, string>; text: string } {
  const s = raw.toString("latin1"); // byte-preserving; bodies are decoded from bytes below
  const split = s.indexOf("\r\n\r\n");
  const head = s.slice(0, split).replace(/\r\n(?=[ \t])/g, "");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  expect(headers.get("content-type")).toMatch(/^text\/plain;\s*charset=utf-8/i);
  const body = s.slice(split + 4);
  const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    cte === "quoted-printable"
      ? qpBytes(body.replace(/=\r\n/g, ""))
      : cte === "base64"
        ? Buffer.from(body, "base64")
        : Buffer.from(body, "latin1");
  return { headers, text: bytes.toString("utf8").replace(/\r\n/g, "\n") };
}

function mailServer(port: number) {
  const received: Received[] = [];
  let server: SMTPServer | undefined;
  const options: SMTPServerOptions = {
    authOptional: true,
    allowInsecureAuth: true, // plain TCP on loopback: AUTH without TLS
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: auth.username });
      else cb(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address === REFUSED) cb(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const { headers, text } = parseMessage(Buffer.concat(chunks));
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((a) => a.address),
          user: session.user,
          headers,
          subject: decodeHeader(headers.get("subject") ?? ""),
          text,
        });
        cb();
      });
    },
  };
  return {
    received,
    start: () =>
      new Promise<void>((resolve, reject) => {
        const s = new SMTPServer(options);
        s.on("error", reject);
        s.listen(port, "127.0.0.1", () => resolve());
        server = s;
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = undefined;
        if (s) s.close(resolve);
        else resolve();
      }),
    get running() {
      return server !== undefined;
    },
  };
}

// ---- fixtures ----------------------------------------------------------------------------------

const ENV = ["SMTP_URL", "MAIL_FROM", "PUBLIC_BASE_URL"] as const;
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
let mail: ReturnType<typeof mailServer>;
let smtpUrl: string;
const handlers = { [EMAIL_KIND]: emailHandler };

beforeAll(async () => {
  const port = await freePort();
  mail = mailServer(port);
  await mail.start();
  smtpUrl = `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:${port}?ignoreTLS=true`;
});

afterAll(async () => {
  await mail.stop();
  for (const k of ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

beforeEach(async () => {
  process.env.SMTP_URL = smtpUrl;
  delete process.env.MAIL_FROM;
  delete process.env.PUBLIC_BASE_URL;
  if (!mail.running) await mail.start();
  mail.received.length = 0;
  // This file owns the outbox while it runs: rows left by other files would be sent by its runs.
  await db.outboxMessage.deleteMany({});
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name IN ('email', 'document-push', 'outbox-dead')`);
});

let seq = 0;
function letter(subject = "Hồ sơ đã được tiếp nhận") {
  seq += 1;
  return {
    to: "congdan@dichvucong.example",
    // Long enough for nodemailer to fold the encoded subject over several lines.
    subject: `${subject} — mã G22.99-2611-${String(seq).padStart(6, "0")} (Sở Tư pháp Thành phố Hồ Chí Minh)`,
    text: "Kính gửi ông/bà Nguyễn Văn Ánh,\nHồ sơ của ông/bà đã được tiếp nhận. Hạn trả kết quả: thứ Sáu, 04/12/2026.\nTrân trọng.",
  };
}

const enqueueNow = (kind: string, payload: { to: string; subject: string; text: string } | Record<string, string>, notBefore?: Date) =>
  db.$transaction((tx) => enqueue(tx, kind, payload, notBefore ? { notBefore } : undefined));
const row = (id: bigint) => db.outboxMessage.findUniqueOrThrow({ where: { id } });
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const run = () => runDueJobs({ handlers });
const none = { sent: 0, retried: 0, dead: 0, deferred: 0 };

// ---- tests -------------------------------------------------------------------------------------

describe("outbox e-mail delivery", () => {
  it("delivers an enqueued Vietnamese e-mail once, with its subject and body, and marks it SENT", async () => {
    const m = letter();
    const id = await enqueueNow(EMAIL_KIND, m);
    expect((await jobsOf(id)).map((j) => [j.name, j.state])).toEqual([[QUEUE.email, "created"]]);
    expect(await run()).toEqual({ ...none, sent: 1 });

    expect(mail.received).toHaveLength(1);
    const got = mail.received[0]!;
    expect(got.subject).toBe(m.subject);
    expect(got.text.replace(/\n$/, "")).toBe(m.text);
    expect(got.to).toEqual([m.to]);
    expect(got.user).toBe(SMTP_USER);
    expect(got.envelopeFrom).toBe("no-reply@dichvucong.example");
    expect(decodeHeader(got.headers.get("from") ?? "")).toContain("Cổng Dịch vụ công Quốc gia");

    const r = await row(id);
    expect(r).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(r.sentAt).toBeInstanceOf(Date);
    expect((await jobsOf(id)).map((j) => j.state)).toEqual(["completed"]);

    // A later run finds nothing to send.
    expect(await run()).toEqual(none);
    expect(mail.received).toHaveLength(1);
  });

  it("a job exists only when the transaction commits: a rollback leaves neither the row nor the job", async () => {
    const jobsBefore = await jobCount(QUEUE.email);
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, EMAIL_KIND, letter());
        throw new Error("nộp hồ sơ thất bại");
      }),
    ).rejects.toThrow("nộp hồ sơ thất bại");
    expect(await db.outboxMessage.count()).toBe(0);
    expect(await jobCount(QUEUE.email)).toBe(jobsBefore);
    expect(await run()).toEqual(none);
    expect(mail.received).toHaveLength(0);
  });

  it("waits for notBefore", async () => {
    const id = await enqueueNow(EMAIL_KIND, letter(), at(new Date(), 60_000));
    const [job] = await jobsOf(id);
    expect(job!.due_in).toBeGreaterThan(55);
    expect(job!.due_in).toBeLessThanOrEqual(60);
    expect(await run()).toEqual(none);
    expect((await row(id)).attempts).toBe(0);
    await makeDue();
    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(mail.received).toHaveLength(1);
  });

  it("keeps the message PENDING and backs off while the relay is down, then delivers it exactly once", async () => {
    await mail.stop();
    const m = letter("Yêu cầu bổ sung hồ sơ");
    const id = await enqueueNow(EMAIL_KIND, m);
    const before = Date.now();
    expect(await run()).toEqual({ ...none, retried: 1 });

    const failed = await row(id);
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + BASE_DELAY_MS);
    // pg-boss retries it after its back-off: between 1 and 2 times the base delay.
    const [job] = await jobsOf(id);
    expect(job).toMatchObject({ state: "retry", retry_count: 0 }); // pg-boss counts a retry when it starts
    expect(job!.due_in).toBeGreaterThan(BASE_DELAY_MS / 1000 - 2);
    expect(job!.due_in).toBeLessThanOrEqual((2 * BASE_DELAY_MS) / 1000);

    await mail.start();
    // Not due yet, even though the relay is back.
    expect(await run()).toEqual(none);
    expect(mail.received).toHaveLength(0);

    await makeDue();
    expect(await run()).toEqual({ ...none, sent: 1 });
    await makeDue();
    expect(await run()).toEqual(none);
    expect(mail.received.map((r) => r.subject)).toEqual([m.subject]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives up after MAX_ATTEMPTS failures with exponential backoff, and resendDead brings the message back", async () => {
    expect(retryDelayMs(1)).toBe(BASE_DELAY_MS);
    expect(retryDelayMs(3)).toBe(4 * BASE_DELAY_MS);

    await mail.stop();
    const m = letter("Kết quả giải quyết hồ sơ");
    const id = await enqueueNow(EMAIL_KIND, m);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await run();
      const r = await row(id);
      expect(r.attempts).toBe(attempt);
      const [job] = await jobsOf(id);
      if (attempt < MAX_ATTEMPTS) {
        expect(result).toEqual({ ...none, retried: 1 });
        expect(r.status).toBe("PENDING");
        // pg-boss's back-off doubles each time (with up to as much again of jitter).
        const wait = retryDelayMs(attempt) / 1000;
        expect(job).toMatchObject({ state: "retry", retry_count: attempt - 1 });
        expect(job!.due_in).toBeGreaterThan(wait - 2);
        expect(job!.due_in).toBeLessThanOrEqual(2 * wait);
        await makeDue();
      } else {
        expect(result).toEqual({ ...none, dead: 1 });
        expect(r.status).toBe("DEAD");
        expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(job!.state).toBe("completed");
      }
    }
    expect((await listDead(10)).map((d) => d.id)).toContain(id);
    // …and a dead letter in the queue that keeps them.
    expect(await db.$queryRawUnsafe(`SELECT data->>'outboxId' AS id FROM pgboss.job WHERE name = 'outbox-dead'`)).toEqual([
      { id: id.toString() },
    ]);

    await mail.start();
    // DEAD stays dead, however much time passes.
    await makeDue();
    expect(await run()).toEqual(none);
    expect(mail.received).toHaveLength(0);

    expect(await resendDead(id)).toBe(true);
    expect(await resendDead(id)).toBe(false); // no longer DEAD
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 0 });
    // The reset sent a new job with it.
    expect((await jobsOf(id)).map((j) => j.state)).toEqual(["completed", "created"]);
    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(mail.received.map((r) => r.subject)).toEqual([m.subject]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await resendDead(id)).toBe(false); // SENT is not resent
    expect((await listDead(10)).map((d) => d.id)).not.toContain(id);
  });

  it("sends a kind without a handler, a malformed payload and a refused recipient to DEAD at once", async () => {
    const orphan = await enqueueNow("edoc", { to: "000.00.00.H29" });
    const malformed = await enqueueNow(EMAIL_KIND, { to: "khong-phai-email", subject: "x", text: "y" });
    const refused = await enqueueNow(EMAIL_KIND, { ...letter(), to: REFUSED });
    const good = await enqueueNow(EMAIL_KIND, letter());

    // The kind without a handler has no queue: it is dead from the start, and no job is sent for it.
    expect(await row(orphan)).toMatchObject({ status: "DEAD", attempts: 0, lastError: "no handler for kind" });
    expect(await jobsOf(orphan)).toEqual([]);
    expect(await run()).toEqual({ ...none, sent: 1, dead: 2 });
    expect(await row(malformed)).toMatchObject({ status: "DEAD", attempts: 1 });
    expect((await row(malformed)).lastError).toMatch(/malformed/);
    expect(await row(refused)).toMatchObject({ status: "DEAD", attempts: 1 });
    expect((await row(refused)).lastError).toMatch(/550/);
    expect(await row(good)).toMatchObject({ status: "SENT" });
    expect(mail.received).toHaveLength(1);
    expect((await listDead(10)).map((d) => d.id).sort()).toEqual([orphan, malformed, refused].sort());
    expect(await resendDead(orphan)).toBe(false); // nothing could send it
  });

  it("delivers each message once when two workers run at the same time", async () => {
    const letters = Array.from({ length: 8 }, () => letter("Thông báo nộp phí"));
    for (const m of letters) await enqueueNow(EMAIL_KIND, m);
    const [bossA, bossB] = await Promise.all([testBoss(), testBoss()]);
    const [a, b] = await Promise.all([
      runDueJobs({ handlers, boss: bossA, concurrency: 3 }),
      runDueJobs({ handlers, boss: bossB, concurrency: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(letters.length);
    expect(a.retried + b.retried + a.dead + b.dead).toBe(0);
    expect(mail.received.map((r) => r.subject).sort()).toEqual(letters.map((m) => m.subject).sort());
    expect(await db.outboxMessage.count({ where: { status: "SENT" } })).toBe(letters.length);
  });
});

describe("the worker", () => {
  it("runs queued jobs with the request id of the request that queued them", async () => {
    const { runWithRequestId, currentRequestId } = await import("@/lib/ops/request-context");
    const seen: (string | undefined)[] = [];
    const id = await runWithRequestId("req-7f3a", () => enqueueNow(EMAIL_KIND, letter()));
    expect(
      (await db.$queryRawUnsafe<{ data: unknown }[]>(`SELECT data FROM pgboss.job WHERE data->>'outboxId' = $1`, id.toString()))[0]!.data,
    ).toEqual({
      outboxId: id.toString(),
      requestId: "req-7f3a",
    });
    const worker = await startWorker({
      concurrency: 1,
      pollingIntervalSeconds: 0.5,
      handlers: {
        [EMAIL_KIND]: async (p) => {
          seen.push(currentRequestId());
          await emailHandler(p);
        },
      },
    });
    try {
      await expect.poll(async () => (await row(id)).status, { timeout: 15_000 }).toBe("SENT");
    } finally {
      await worker.stop(2_000);
    }
    expect(seen).toEqual(["req-7f3a"]);
    expect(mail.received).toHaveLength(1);
  });

  it("stopped with a job in flight, lets it finish; stopped past its grace, returns it to the queue, and it is sent once", async () => {
    let started = 0;
    let release: () => void = () => {};
    const slow = async (p: unknown) => {
      started++;
      await new Promise<void>((r) => (release = r));
      await emailHandler(p);
    };
    const worker = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, handlers: { [EMAIL_KIND]: slow } });
    const first = await enqueueNow(EMAIL_KIND, letter("Thư gửi khi dừng"));
    await expect.poll(() => started, { timeout: 15_000 }).toBe(1);
    // Graceful: stop waits for the job in flight, which finishes.
    const stopping = worker.stop(10_000);
    setTimeout(() => release(), 300);
    await stopping;
    expect(await row(first)).toMatchObject({ status: "SENT", attempts: 1 });
    expect((await jobsOf(first)).map((j) => j.state)).toEqual(["completed"]);

    // Past its grace the job is handed back (failed, to be retried); its handler, still running, then finishes.
    const again = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, handlers: { [EMAIL_KIND]: slow } });
    const second = await enqueueNow(EMAIL_KIND, letter("Thư gửi khi dừng quá hạn"));
    await expect.poll(() => started, { timeout: 15_000 }).toBe(2);
    await again.stop(1_000);
    expect((await jobsOf(second)).map((j) => j.state)).toEqual(["retry"]);
    release();
    await expect.poll(async () => (await row(second)).status, { timeout: 10_000 }).toBe("SENT");
    // The retry finds the message sent and does nothing: never lost, never sent twice.
    await makeDue();
    expect(await run()).toEqual(none);
    expect(mail.received.map((r) => r.subject).filter((s) => s.startsWith("Thư gửi khi dừng quá hạn"))).toHaveLength(1);
    expect(mail.received).toHaveLength(2);
  });
});

describe("notifyUser", () => {
  const citizen = () => db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } });
  const notice = (userId: string, email: string | null) => ({
    userId,
    email,
    title: "Hồ sơ G22.99-2611-000042 cần bổ sung",
    body: "Cán bộ một cửa đề nghị ông/bà bổ sung bản sao giấy khai sinh.",
    link: "/ho-so/G22.99-2611-000042",
  });

  it("writes the in-app notification, and an e-mail only when SMTP_URL is set and an address is given", async () => {
    const u = await citizen();
    const before = await db.notification.count({ where: { userId: u.id } });

    delete process.env.SMTP_URL;
    await db.$transaction((tx) => notifyUser(tx, notice(u.id, u.email)));
    expect(await db.notification.count({ where: { userId: u.id } })).toBe(before + 1);
    expect(await db.outboxMessage.count()).toBe(0);

    process.env.SMTP_URL = smtpUrl;
    await db.$transaction((tx) => notifyUser(tx, notice(u.id, null)));
    expect(await db.notification.count({ where: { userId: u.id } })).toBe(before + 2);
    expect(await db.outboxMessage.count()).toBe(0);

    process.env.PUBLIC_BASE_URL = "https://dichvucong.example";
    const n = notice(u.id, u.email);
    await db.$transaction((tx) => notifyUser(tx, n));
    expect(await db.notification.count({ where: { userId: u.id } })).toBe(before + 3);
    const queued = await db.outboxMessage.findMany();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: EMAIL_KIND,
      status: "PENDING",
      payload: { to: u.email, subject: n.title, text: `${n.body}\n\nhttps://dichvucong.example/ho-so/G22.99-2611-000042` },
    });

    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.subject).toBe(n.title);
    expect(mail.received[0]!.text).toContain("https://dichvucong.example/ho-so/G22.99-2611-000042");
  });

  it("leaves neither the notification nor the e-mail when the transaction rolls back", async () => {
    const u = await citizen();
    const before = await db.notification.count({ where: { userId: u.id } });
    await expect(
      db.$transaction(async (tx) => {
        await notifyUser(tx, notice(u.id, u.email));
        throw new Error("nộp hồ sơ thất bại");
      }),
    ).rejects.toThrow("nộp hồ sơ thất bại");
    expect(await db.notification.count({ where: { userId: u.id } })).toBe(before);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("lists notifications newest first, counts the unread ones and marks them read", async () => {
    const u = await citizen();
    await db.$transaction((tx) => notifyUser(tx, { ...notice(u.id, null), title: "Thông báo thứ nhất" }));
    await db.$transaction((tx) => notifyUser(tx, { ...notice(u.id, null), title: "Thông báo thứ hai" }));
    expect(await unreadCount(u.id)).toBeGreaterThanOrEqual(2);
    const latest = await listNotifications(u.id, 2);
    expect(latest.map((n) => n.title)).toEqual(["Thông báo thứ hai", "Thông báo thứ nhất"]);
    expect(latest[0]!.readAt).toBeNull();

    expect(await markAllRead(u.id)).toBeGreaterThanOrEqual(2);
    expect(await unreadCount(u.id)).toBe(0);
    expect((await listNotifications(u.id, 1))[0]!.readAt).toBeInstanceOf(Date);
    expect(await markAllRead(u.id)).toBe(0);
  });
});

describe("installing the jobs", () => {
  it("a job that gave up inside the job queue (its worker lost on the last attempt) leaves its message DEAD, listed and resendable", async () => {
    const { settleDeadLetter } = await import("@/lib/jobs/outbox-job");
    const id = await enqueueNow(EMAIL_KIND, letter("Thư có tác vụ bị bỏ"));
    expect(await settleDeadLetter({ outboxId: id.toString() })).toBe(true);
    expect((await row(id)).status).toBe("DEAD");
    expect((await listDead()).map((d) => d.id)).toContain(id);
    // A letter for a row already settled (sent, or buried by the handler) changes nothing; junk is ignored.
    expect(await settleDeadLetter({ outboxId: id.toString() })).toBe(false);
    expect(await settleDeadLetter({ outboxId: "not a number" })).toBe(false);
    expect(await resendDead(id)).toBe(true);
    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(mail.received).toHaveLength(1);
  });

  it("sends a job for a PENDING message that has none (written before the queue existed), and only once", async () => {
    const { withClient } = await import("@/lib/db/admin");
    const { installJobs } = await import("@/lib/jobs/install");
    const id = await enqueueNow(EMAIL_KIND, letter("Thư viết trước khi có hàng đợi"));
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'outboxId' = $1`, id.toString());
    await withClient(process.env.DATABASE_URL!, (c) => installJobs(c));
    await withClient(process.env.DATABASE_URL!, (c) => installJobs(c));
    expect((await jobsOf(id)).map((j) => j.state)).toEqual(["created"]);
    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(mail.received).toHaveLength(1);
  });
});
