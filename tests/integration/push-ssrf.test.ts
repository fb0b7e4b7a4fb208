// SSRF and a slow agency, on push endpoints: refused at save time (naming the field) and again at connect
// time when DNS answers an address the portal does not connect to; resolved once, connected to the checked
// address; redirects never followed; answers bounded; and one endpoint that never answers does not hold
// the outbox. Every receiver here listens on 127.0.0.1; resolvers are injected, so no test asks real DNS
// for anything but "localhost" and nothing leaves the machine.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { createPushHandler, DOCUMENT_PUSH_KIND } from "@/lib/documents/delivery";
import { saveEndpoint } from "@/lib/documents/integration-admin";
import { sendDocument } from "@/lib/documents/send";
import type { Resolver } from "@/lib/http/ssrf";
import { runDueJobs } from "../support/jobs";
import { signInAs } from "../support/filing";

const PASSWORD = "QuanTri2026x";
const HANOI = "000.00.00.H24";
const HCM = "000.00.00.H29";
const LIMITS = { connectTimeoutMs: 1_000, totalTimeoutMs: 2_000, maxResponseBytes: 64 * 1024 };

let hanoiId = 0;
let hcmId = 0;
const servers: http.Server[] = [];

/** A receiver on 127.0.0.1 that records each request's path and answers with `answer` (or never). */
async function receiver(answer: ((req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) | "never") {
  const paths: string[] = [];
  let open = 0;
  const server = http.createServer((req, res) => {
    open++;
    res.on("close", () => open--);
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      paths.push(req.url ?? "");
      if (answer !== "never") answer(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, paths, open: () => open };
}

const ack = (_req: http.IncomingMessage, res: http.ServerResponse, body: string) =>
  res
    .writeHead(200, { "content-type": "application/json" })
    .end(JSON.stringify({ sha256: (JSON.parse(body) as { sha256?: string }).sha256 }));

async function setEndpoint(agencyId: number, url: string) {
  await db.documentEndpoint.upsert({
    where: { agencyId },
    update: { url, enabled: true },
    create: { agencyId, url, enabled: true, secret: "whsec_test" },
  });
}

async function sendFromVpcp(recipient: string, subject: string): Promise<string> {
  await signInAs("quantri@vpcp.example", "VanPhong@2026");
  const sent = await viaSession(sendDocument, {
    typeCode: "CV",
    subject,
    signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
    signerName: "Nguyễn Văn Nên",
    recipients: [recipient],
    messageId: randomUUID(),
  });
  if (!sent.ok) throw new Error(sent.message);
  return sent.data.documentKey;
}

const saved = { allow: process.env.PUSH_ALLOW_PRIVATE_HOSTS, http: process.env.PUSH_ALLOW_HTTP };

beforeAll(async () => {
  const hanoi = await db.agency.findUniqueOrThrow({ where: { identifier: HANOI } });
  hanoiId = hanoi.id;
  hcmId = (await db.agency.findUniqueOrThrow({ where: { identifier: HCM } })).id;
  await db.user.upsert({
    where: { email: "quantri.hn.ssrf@example.vn" },
    update: {},
    create: {
      email: "quantri.hn.ssrf@example.vn",
      role: "AGENCY_ADMIN",
      fullName: "Quản trị Hà Nội",
      agencyId: hanoi.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  await db.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
});

afterEach(async () => {
  process.env.PUSH_ALLOW_PRIVATE_HOSTS = saved.allow;
  process.env.PUSH_ALLOW_HTTP = saved.http;
  await db.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
  await db.documentEndpoint.deleteMany({ where: { agencyId: { in: [hanoiId, hcmId] } } });
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe("push endpoints are refused at save time", () => {
  it("a push endpoint on loopback, private, link-local or mapped addresses is refused, naming the field", async () => {
    process.env.PUSH_ALLOW_PRIVATE_HOSTS = "";
    await signInAs("quantri.hn.ssrf@example.vn", PASSWORD);
    for (const url of [
      "http://2130706433/nhan",
      "http://0x7f.1/nhan",
      "https://[::ffff:127.0.0.1]/nhan",
      "https://[::ffff:7f00:1]/nhan",
      "https://10.1.2.3/nhan",
      "https://169.254.169.254/latest/meta-data",
      "https://[fd00::1]/nhan",
      "https://100.64.0.1/nhan",
      // A name that resolves to loopback (here through the system's resolver and /etc/hosts).
      "https://localhost:8443/nhan",
    ]) {
      const r = await viaSession(saveEndpoint, { url });
      expect(r, url).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { url: expect.stringContaining("Địa chỉ nhận (URL): địa chỉ này trỏ vào mạng nội bộ") },
      });
    }
    expect(await db.documentEndpoint.count({ where: { agencyId: hanoiId } })).toBe(0);
  });

  it("plain http is refused unless PUSH_ALLOW_HTTP is set (the demo and these tests)", async () => {
    delete process.env.PUSH_ALLOW_HTTP;
    await signInAs("quantri.hn.ssrf@example.vn", PASSWORD);
    expect(await viaSession(saveEndpoint, { url: "http://qlvb.hanoi.example/nhan" })).toMatchObject({
      ok: false,
      fieldErrors: { url: expect.stringContaining("phải dùng https://") },
    });
    // A name that does not resolve now is accepted: every push resolves and checks it again.
    expect(await viaSession(saveEndpoint, { url: "https://qlvb.hanoi.example/nhan" })).toMatchObject({ ok: true });
  });
});

describe("push endpoints are checked again at connect time", () => {
  it("DNS answering a private address at delivery is refused before any connection; the message is a dead letter at once", async () => {
    const target = await receiver(ack);
    // Saved while the name was public; now its DNS answers loopback (not allowlisted here).
    await setEndpoint(hanoiId, `http://qlvb.hanoi.example:${target.port}/nhan`);
    const documentKey = await sendFromVpcp(HANOI, "V/v kiểm tra địa chỉ nhận sau khi đổi DNS");
    process.env.PUSH_ALLOW_PRIVATE_HOSTS = "";
    const asked: string[] = [];
    const rebound: Resolver = async (host) => {
      asked.push(host);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const r = await runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ resolve: rebound, limits: LIMITS }) } });
    expect(r).toEqual({ sent: 0, retried: 0, dead: 1, deferred: 0 });
    expect(asked).toEqual(["qlvb.hanoi.example"]);
    expect(target.paths).toEqual([]);
    const row = await db.outboxMessage.findFirstOrThrow({
      where: { kind: DOCUMENT_PUSH_KIND, agencyId: hanoiId },
      orderBy: { id: "desc" },
    });
    expect(row.status).toBe("DEAD");
    expect(row.lastError).toContain("127.0.0.1 (loopback)");
    const log = await db.exchangeLog.findFirstOrThrow({ where: { documentKey, agencyId: hanoiId, operation: "push" } });
    expect(log).toMatchObject({ success: false, faultCode: "blocked_address", responseInAt: null });
  });

  it("one bad answer among good ones refuses the host (IPv4-mapped loopback included)", async () => {
    const target = await receiver(ack);
    await setEndpoint(hanoiId, `http://qlvb.hanoi.example:${target.port}/nhan`);
    await sendFromVpcp(HANOI, "V/v kiểm tra địa chỉ nhận có nhiều bản ghi DNS");
    const mixed: Resolver = async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "::ffff:7f00:1", family: 6 },
    ];
    const r = await runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ resolve: mixed, limits: LIMITS }) } });
    expect(r).toEqual({ sent: 0, retried: 0, dead: 1, deferred: 0 });
    expect(target.paths).toEqual([]);
  });

  it("the name is resolved once per push and the checked address is the one connected to (no rebinding)", async () => {
    const target = await receiver(ack);
    await setEndpoint(hanoiId, `http://qlvb.hanoi.example:${target.port}/nhan`);
    await sendFromVpcp(HANOI, "V/v kiểm tra chống đổi DNS giữa kiểm tra và kết nối");
    let calls = 0;
    // First answer: the allowlisted receiver. Any later answer would be a metadata address.
    const rebinding: Resolver = async () =>
      calls++ === 0 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "169.254.169.254", family: 4 }];
    const r = await runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ resolve: rebinding, limits: LIMITS }) } });
    expect(r).toEqual({ sent: 1, retried: 0, dead: 0, deferred: 0 });
    expect(calls).toBe(1);
    expect(target.paths).toEqual(["/nhan"]);
  });

  it("a redirect is not followed: a 3xx is a failed delivery, retried later", async () => {
    const elsewhere = await receiver(ack);
    const redirecting = await receiver((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/khac` }).end());
    await setEndpoint(hanoiId, `http://127.0.0.1:${redirecting.port}/nhan`);
    const documentKey = await sendFromVpcp(HANOI, "V/v kiểm tra chuyển hướng địa chỉ nhận");
    const r = await runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ limits: LIMITS }) } });
    expect(r).toEqual({ sent: 0, retried: 1, dead: 0, deferred: 0 });
    expect(redirecting.paths).toEqual(["/nhan"]);
    expect(elsewhere.paths).toEqual([]);
    const log = await db.exchangeLog.findFirstOrThrow({ where: { documentKey, agencyId: hanoiId, operation: "push" } });
    expect(log).toMatchObject({ success: false, faultCode: "http_302" });
  });

  it("an answer larger than the cap is a failed delivery", async () => {
    const flood = await receiver((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("x".repeat(200 * 1024)));
    await setEndpoint(hanoiId, `http://127.0.0.1:${flood.port}/nhan`);
    const documentKey = await sendFromVpcp(HANOI, "V/v kiểm tra giới hạn phản hồi");
    const r = await runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ limits: LIMITS }) } });
    expect(r).toEqual({ sent: 0, retried: 1, dead: 0, deferred: 0 });
    const log = await db.exchangeLog.findFirstOrThrow({ where: { documentKey, agencyId: hanoiId, operation: "push" } });
    expect(log).toMatchObject({ success: false, faultCode: "too_large" });
  });
});

describe("a slow agency does not hold the outbox", () => {
  it("an endpoint that never answers holds at most two slots until its timeout; another agency's push goes through meanwhile", async () => {
    const slow = await receiver("never");
    const fast = await receiver(ack);
    await setEndpoint(hanoiId, `http://127.0.0.1:${slow.port}/nhan`);
    await setEndpoint(hcmId, `http://127.0.0.1:${fast.port}/nhan`);
    // Three messages for the slow agency first, then one for the other: in id order, the other is last.
    for (const n of [1, 2, 3]) await sendFromVpcp(HANOI, `V/v văn bản thứ ${n} gửi đến hệ thống chậm`);
    const fastKey = await sendFromVpcp(HCM, "V/v văn bản gửi đến hệ thống trả lời ngay");

    const limits = { connectTimeoutMs: 1_000, totalTimeoutMs: 4_000, maxResponseBytes: 64 * 1024 };
    const started = Date.now();
    const run = runDueJobs({ handlers: { [DOCUMENT_PUSH_KIND]: createPushHandler({ limits }) } });
    let deliveredAfter = -1;
    let slowInFlight = 0;
    // Watch until the slow pushes' timeout: when the other agency's push lands, and the most requests the slow
    // agency ever held open at once (the two slots may open just before or just after the fast push lands).
    while (Date.now() - started < 3_500) {
      slowInFlight = Math.max(slowInFlight, slow.open());
      if (deliveredAfter < 0 && fast.paths.length > 0) deliveredAfter = Date.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The other agency got its document well before the slow one's first timeout…
    expect(deliveredAfter).toBeGreaterThanOrEqual(0);
    expect(deliveredAfter).toBeLessThan(limits.totalTimeoutMs);
    // …while the slow agency held two requests, never three.
    expect(slowInFlight).toBe(2);

    // The third of the slow agency's messages waited for a slot instead of taking one (no attempt counted),
    // then had its turn once the first two timed out.
    const r = await run;
    expect(r).toEqual({ sent: 1, retried: 3, dead: 0, deferred: 1 });
    const ok = await db.exchangeLog.findFirstOrThrow({ where: { documentKey: fastKey, agencyId: hcmId, operation: "push" } });
    expect(ok.success).toBe(true);
    const timeouts = await db.exchangeLog.findMany({ where: { agencyId: hanoiId, operation: "push", faultCode: "timeout" } });
    expect(timeouts).toHaveLength(3);
  });
});
