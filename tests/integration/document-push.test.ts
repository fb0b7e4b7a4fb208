// Push delivery to an agency's registered endpoint, against a real HTTP server on 127.0.0.1: an endpoint
// that is down gets the message retried with exponential backoff, the message lands in the dead-letter
// list, and after the endpoint comes back an administrator's resend delivers it exactly once. Status
// messages flow back to a sender's endpoint the same way. Every attempt is in the exchange log.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { DOCUMENT_PUSH_KIND, pushHandler, SIGNATURE_HEADER } from "@/lib/documents/delivery";
import { sendDocument } from "@/lib/documents/send";
import { setDocumentStatus } from "@/lib/documents/status";
import {
  issueAgencyApiKey,
  listDeadLetters,
  regenerateEndpointSecret,
  removeEndpoint,
  resendDeadLetter,
  rotateAgencyApiKey,
  revokeAgencyApiKey,
  saveEndpoint,
} from "@/lib/documents/integration-admin";
import { authenticateApiKey } from "@/lib/documents/api-keys";
import { PushDocumentBody, PushStatusBody } from "@/lib/documents/push-schema";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/notify/outbox";
import { jobsOf, makeDue, runDueJobs } from "../support/jobs";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const PASSWORD = "QuanTri2026x";
const HANOI = "000.00.00.H24";
const handlers = { [DOCUMENT_PUSH_KIND]: pushHandler };
const run = () => runDueJobs({ handlers });
const none = { sent: 0, retried: 0, dead: 0, deferred: 0 };

async function me() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

interface Received {
  body: { type: string; documentKey: string; sha256?: string; status?: string; recipientId: string };
  raw: string;
  signature: string | undefined;
}

/** A receiving system: answers 200 echoing the document's sha256, or 503 while `failing`. */
function receiver() {
  const received: Received[] = [];
  const state = { failing: false };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      if (state.failing) {
        res.writeHead(503).end("bảo trì");
        return;
      }
      const body = JSON.parse(raw) as Received["body"];
      received.push({ body, raw, signature: req.headers[SIGNATURE_HEADER] as string | undefined });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received: true, sha256: body.sha256 }));
    });
  });
  return {
    received,
    state,
    listen: (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let port = 0;
const hanoiReceiver = receiver();
let hanoiId = 0;
let vpcpId = 0;

beforeAll(async () => {
  port = await freePort();
  const hanoi = await db.agency.findUniqueOrThrow({ where: { identifier: HANOI } });
  hanoiId = hanoi.id;
  vpcpId = (await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G22" } })).id;
  for (const [email, role] of [
    ["quantri.hn@example.vn", "AGENCY_ADMIN"],
    ["canbo.hn@example.vn", "OFFICER"],
  ] as const) {
    await db.user.upsert({
      where: { email },
      update: {},
      create: { email, role, fullName: `Cán bộ ${hanoi.shortName}`, agencyId: hanoi.id, passwordHash: await hashPassword(PASSWORD) },
    });
  }
  // Rows other test files left pending must not be sent (with no e-mail handler here) or counted.
  await db.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
});

afterAll(async () => {
  await db.documentEndpoint.deleteMany({ where: { agencyId: { in: [hanoiId, vpcpId] } } });
  await hanoiReceiver.close().catch(() => undefined);
});

describe("push delivery to an agency's endpoint", () => {
  let secret = "";

  it("an agency administrator registers the endpoint; the signing secret is shown once", async () => {
    await signInAs("canbo.hn@example.vn", PASSWORD);
    expect(await viaSession(saveEndpoint, { url: `http://127.0.0.1:${port}/nhan` })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs("quantri.hn@example.vn", PASSWORD);
    const bad = await viaSession(saveEndpoint, { url: "ftp://example.vn/x" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining("Địa chỉ nhận (URL)") } });
    expect(await viaSession(saveEndpoint, { url: "http://169.254.169.254/latest/meta-data" })).toMatchObject({
      ok: false,
      fieldErrors: { url: expect.any(String) },
    });
    const saved = await viaSession(saveEndpoint, { url: `http://127.0.0.1:${port}/nhan` });
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.data.secret).toMatch(/^whsec_/);
    secret = saved.data.secret!;
    // Saving again keeps the secret (not shown again); a new secret is an explicit action.
    const again = await viaSession(saveEndpoint, { url: `http://127.0.0.1:${port}/nhan` });
    expect(again).toMatchObject({ ok: true, data: { secret: null } });
    const stored = await db.documentEndpoint.findUniqueOrThrow({ where: { agencyId: hanoiId } });
    expect(stored.secret).toBe(secret);
  });

  it("down: retried with exponential backoff, then a dead letter; back up: resend delivers exactly once", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v kiểm tra kết nối nhận văn bản điện tử của Thành phố Hà Nội",
      signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
      signerName: "Nguyễn Văn Nên",
      priority: 1,
      recipients: [HANOI],
      messageId: randomUUID(),
    });
    if (!sent.ok) throw new Error(sent.message);
    const documentKey = sent.data.documentKey;

    const row = await db.outboxMessage.findFirstOrThrow({ where: { kind: DOCUMENT_PUSH_KIND, agencyId: hanoiId, status: "PENDING" } });
    // Hà Nội has an endpoint, so nothing is "delivered into its portal register" in the log: it is pushed.
    expect(await db.exchangeLog.count({ where: { documentKey, agencyId: hanoiId, operation: "deliver" } })).toBe(0);

    // Nothing listens on the port: every attempt fails, each wait twice the one before.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await run();
      expect(r).toEqual(attempt < MAX_ATTEMPTS ? { ...none, retried: 1 } : { ...none, dead: 1 });
      const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        // pg-boss waits between 1 and 2 times the back-off, doubled each attempt…
        const [job] = await jobsOf(row.id);
        expect(job!.state).toBe("retry");
        expect(job!.due_in).toBeGreaterThan(retryDelayMs(attempt) / 1000 - 2);
        expect(job!.due_in).toBeLessThanOrEqual((2 * retryDelayMs(attempt)) / 1000);
        // …and the message is not due before it.
        expect(await run()).toEqual(none);
        await makeDue();
      } else {
        expect(after.status).toBe("DEAD");
      }
    }
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    const failures = await db.exchangeLog.findMany({
      where: { documentKey, agencyId: hanoiId, operation: "push" },
      orderBy: { id: "asc" },
    });
    expect(failures).toHaveLength(MAX_ATTEMPTS);
    for (const f of failures) {
      expect(f).toMatchObject({ success: false, faultCode: "network", direction: "out", responseInAt: null });
      expect(f.requestOutAt).not.toBeNull();
    }

    // The dead letter is visible to Hà Nội's administrator and to VPCP's, not to an officer.
    await signInAs("quantri.hn@example.vn", PASSWORD);
    const dead = await listDeadLetters(await me());
    expect(dead.map((d) => d.id)).toContain(row.id.toString());
    expect(dead.find((d) => d.id === row.id.toString())).toMatchObject({
      documentKey,
      agencyName: expect.stringContaining("Hà Nội"),
      attempts: MAX_ATTEMPTS,
    });
    await signInAs("canbo.hn@example.vn", PASSWORD);
    expect(await listDeadLetters(await me())).toEqual([]);
    expect(await viaSession(resendDeadLetter, { id: row.id.toString() })).toMatchObject({ ok: false, code: "forbidden" });
    // Another agency's administrator cannot resend it.
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    expect(await viaSession(resendDeadLetter, { id: row.id.toString() })).toMatchObject({ ok: false, code: "not_found" });

    // The endpoint comes back; the administrator resends; it is delivered once, signed.
    await hanoiReceiver.listen(port);
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    expect(await viaSession(resendDeadLetter, { id: row.id.toString() })).toMatchObject({ ok: true });
    expect(await run()).toEqual({ ...none, sent: 1 });
    expect(await run()).toEqual(none);
    expect(await viaSession(resendDeadLetter, { id: row.id.toString() })).toMatchObject({ ok: false, code: "not_found" });

    const got = hanoiReceiver.received.filter((r) => r.body.documentKey === documentKey);
    expect(got).toHaveLength(1);
    expect(got[0]!.body.type).toBe("document");
    // The body is what the OpenAPI description's webhook schema says.
    expect(PushDocumentBody.safeParse(got[0]!.body).error).toBeUndefined();
    expect(got[0]!.signature).toBe(`sha256=${createHmac("sha256", secret).update(got[0]!.raw).digest("hex")}`);
    const doc = await db.document.findUniqueOrThrow({ where: { documentKey } });
    expect(got[0]!.body.sha256).toBe(doc.sha256);
    // The echoed sha256 is the acknowledgement: the copy leaves Hà Nội's pull inbox.
    const copy = await db.documentRecipient.findFirstOrThrow({ where: { documentId: doc.id, agencyId: hanoiId } });
    expect(copy.acknowledgedAt).not.toBeNull();
    const success = await db.exchangeLog.findMany({ where: { documentKey, agencyId: hanoiId, operation: "push", success: true } });
    expect(success).toHaveLength(1);
    expect(success[0]!.responseInAt!.getTime()).toBeGreaterThanOrEqual(success[0]!.requestOutAt!.getTime());
    expect(success[0]!.requestInAt.getTime()).toBe(doc.sentAt.getTime());
  });

  it("status messages go back to the sender's endpoint; a 503 is retried and logged with its code", async () => {
    // VPCP registers the same receiver; Hà Nội's clerk accepts a document VPCP sent.
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const saved = await viaSession(saveEndpoint, { url: `http://127.0.0.1:${port}/vpcp` });
    expect(saved.ok).toBe(true);
    await viaSession(removeEndpoint, {});
    expect(await db.documentEndpoint.count({ where: { agencyId: vpcpId } })).toBe(0);
    await viaSession(saveEndpoint, { url: `http://127.0.0.1:${port}/vpcp` });
    const renewed = await viaSession(regenerateEndpointSecret, {});
    expect(renewed).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });

    const sent = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v báo cáo kết quả tiếp nhận văn bản điện tử",
      signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
      signerName: "Nguyễn Văn Nên",
      recipients: [HANOI],
      messageId: randomUUID(),
    });
    if (!sent.ok) throw new Error(sent.message);
    await run();

    await signInAs("canbo.hn@example.vn", PASSWORD);
    const doc = await db.document.findUniqueOrThrow({ where: { documentKey: sent.data.documentKey } });
    const copy = await db.documentRecipient.findFirstOrThrow({ where: { documentId: doc.id, agencyId: hanoiId } });
    hanoiReceiver.state.failing = true;
    expect(await viaSession(setDocumentStatus, { recipientId: copy.id, status: "03", version: copy.version })).toMatchObject({ ok: true });
    const first = await run();
    expect(first).toEqual({ ...none, retried: 1 });
    const fault = await db.exchangeLog.findFirstOrThrow({
      where: { documentKey: doc.documentKey, agencyId: vpcpId, operation: "push" },
      orderBy: { id: "desc" },
    });
    const lastError = (await db.outboxMessage.findFirst({ where: { kind: DOCUMENT_PUSH_KIND, agencyId: vpcpId }, orderBy: { id: "desc" } }))
      ?.lastError;
    expect(fault, String(lastError)).toMatchObject({ success: false, faultCode: "http_503" });
    expect(fault.responseInAt).not.toBeNull();

    hanoiReceiver.state.failing = false;
    expect(await db.outboxMessage.count({ where: { kind: DOCUMENT_PUSH_KIND, agencyId: vpcpId, status: "PENDING" } })).toBe(1);
    await makeDue();
    expect(await run()).toEqual({ ...none, sent: 1 });
    const statuses = hanoiReceiver.received.filter((r) => r.body.type === "status" && r.body.documentKey === doc.documentKey);
    expect(statuses.map((s) => s.body.status)).toEqual(["03"]);
    expect(PushStatusBody.safeParse(statuses[0]!.body).error).toBeUndefined();
  });
});

describe("API keys managed by the agency administrator", () => {
  it("issues a key shown once, rotates it (old refused at once), revokes; officers cannot", async () => {
    await signInAs("canbo.hn@example.vn", PASSWORD);
    expect(await viaSession(issueAgencyApiKey, { label: "QLVB Hà Nội" })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs("quantri.hn@example.vn", PASSWORD);
    expect(await viaSession(issueAgencyApiKey, { label: " " })).toMatchObject({
      ok: false,
      fieldErrors: { label: expect.stringContaining("Tên khóa") },
    });
    const issued = await viaSession(issueAgencyApiKey, { label: "QLVB Hà Nội" });
    if (!issued.ok) throw new Error(issued.message);
    expect(await authenticateApiKey(`Bearer ${issued.data.key}`)).toMatchObject({ agencyId: hanoiId });
    // Only the hash is stored.
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: issued.data.id } });
    expect(JSON.stringify(stored)).not.toContain(issued.data.key);

    const rotated = await viaSession(rotateAgencyApiKey, { keyId: issued.data.id });
    if (!rotated.ok) throw new Error(rotated.message);
    expect(await authenticateApiKey(`Bearer ${issued.data.key}`)).toBeNull();
    expect(await authenticateApiKey(`Bearer ${rotated.data.key}`)).toMatchObject({ agencyId: hanoiId });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: rotated.data.id } })).label).toBe("QLVB Hà Nội");

    // Another agency's administrator cannot touch Hà Nội's key.
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    expect(await viaSession(revokeAgencyApiKey, { keyId: rotated.data.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await authenticateApiKey(`Bearer ${rotated.data.key}`)).not.toBeNull();

    await signInAs("quantri.hn@example.vn", PASSWORD);
    expect(await viaSession(revokeAgencyApiKey, { keyId: rotated.data.id })).toMatchObject({ ok: true });
    expect(await authenticateApiKey(`Bearer ${rotated.data.key}`)).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { action: { in: ["apikey.issue", "apikey.rotate", "apikey.revoke"] }, outcome: "ok" },
    });
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(rotated.data.key);
  });
});
