// Issue 17, dossier sync (outbound half), against a real HTTP server on 127.0.0.1 playing HCMC's one-stop system:
// a dossier filed for a SYNC service is pushed through the outbox, signed, with its answers, labels, papers and fees
// (2xx → DELIVERED); with the endpoint down it is retried with back-off and delivered once it is back, never lost;
// the agency downloads a paper and acknowledges (ACKNOWLEDGED, audited, a dossier event); another agency's key reads
// it as not found; bad input names its field; the officer's pages offer no portal action; the admin sets the mode.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { issueApiKey } from "@/lib/documents/api-keys";
import { viaSession } from "@/lib/auth/session-actor";
import { actOnDossier } from "@/lib/dossiers/officer";
import { officerActionMenu } from "@/lib/dossiers/officer-actions";
import { SIGNATURE_HEADER } from "@/lib/documents/delivery";
import { DOSSIER_DELIVER_KIND, deliverHandler } from "@/lib/sync/outbound";
import { DossierFiledPush } from "@/lib/sync/outbound-schema";
import { saveSyncEndpoint, setServiceIntakeMode } from "@/lib/sync/intake";
import { GET as pullRoute } from "@/app/api/v1/ho-so/moi/route";
import { GET as paperRoute } from "@/app/api/v1/ho-so/[code]/giay-to/[id]/route";
import { POST as ackRoute } from "@/app/api/v1/ho-so/[code]/tiep-nhan/route";
import { PDF_BYTES, signInAs, uploadPaper } from "../support/filing";
import { serviceForm } from "../support/forms";
import { validAnswers } from "../support/answers";
import { submitDossier } from "@/lib/filing/submit";
import { makeDue, runDueJobs } from "../support/jobs";

const HCMC = "000.00.00.H29";
const HANOI = "000.00.00.H24";
const PROCEDURE = "1.003197";
const handlers = { [DOSSIER_DELIVER_KIND]: deliverHandler };
const run = () => runDueJobs({ handlers });

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: Handler, path: string, key: string, params: Record<string, string>, body?: string) =>
  handler(
    new Request(`http://localhost/api/v1/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body,
    }),
    { params: Promise.resolve(params) },
  );

/** HCMC's one-stop system: 200 for a well-signed push, 503 while `down`. */
const inbox = {
  pushes: [] as { raw: string; signature: string | undefined }[],
  down: false,
  server: http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      if (inbox.down) return void res.writeHead(503).end("bảo trì");
      inbox.pushes.push({ raw, signature: req.headers[SIGNATURE_HEADER] as string | undefined });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  }),
};

let secret = "";
let hcmKey = "";
let hanoiKey = "";
let serviceCode = "";

async function fileSynced(): Promise<{ code: string; id: string }> {
  await signInAs("congdan@dichvucong.example", "CongDan@2026");
  const form = await serviceForm(serviceCode);
  const answers: Record<string, unknown> = validAnswers(form);
  for (const f of form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file"))
    answers[f.id] = (await uploadPaper({ serviceCode, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  const r = await viaSession(submitDossier, { serviceCode, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { code: r.data.code, id: r.data.dossierId };
}

beforeAll(async () => {
  const port = await freePort();
  await new Promise<void>((resolve) => inbox.server.listen(port, "127.0.0.1", resolve));
  const hcm = await db.agency.findUniqueOrThrow({ where: { identifier: HCMC } });
  const hanoi = await db.agency.findUniqueOrThrow({ where: { identifier: HANOI } });
  hcmKey = (await issueApiKey(hcm.id, "Hệ thống một cửa TP. Hồ Chí Minh")).key;
  hanoiKey = (await issueApiKey(hanoi.id, "Hệ thống một cửa Hà Nội")).key;
  serviceCode = (await db.service.findFirstOrThrow({ where: { agencyId: hcm.id, procedure: { code: PROCEDURE } } })).code;
  // Rows other work left pending are not this file's to send.
  await db.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
  process.env.PUSH_ALLOW_HTTP = "true";
  process.env.PUSH_ALLOW_PRIVATE_HOSTS = "127.0.0.1";

  // The HCMC administrator switches the service to SYNC (version-checked) and registers the endpoint.
  await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
  const s = await db.service.findUniqueOrThrow({ where: { code: serviceCode } });
  expect(
    await viaSession(setServiceIntakeMode, { code: serviceCode, settingsVersion: s.settingsVersion, intakeMode: "BOTH" }),
  ).toMatchObject({
    ok: false,
    fieldErrors: { intakeMode: expect.stringContaining("Nơi xử lý hồ sơ") },
  });
  expect(
    await viaSession(setServiceIntakeMode, { code: serviceCode, settingsVersion: s.settingsVersion + 1, intakeMode: "SYNC" }),
  ).toMatchObject({
    ok: false,
    code: "conflict",
  });
  expect(
    await viaSession(setServiceIntakeMode, { code: serviceCode, settingsVersion: s.settingsVersion, intakeMode: "SYNC" }),
  ).toMatchObject({
    ok: true,
    data: { changed: true, settingsVersion: s.settingsVersion + 1 },
  });
  const audit = await db.auditEvent.findFirst({
    where: { action: "service.intakeMode", entityId: String(s.id) },
    orderBy: { seq: "desc" },
  });
  expect(audit?.details).toMatchObject({ before: { intakeMode: "PORTAL" }, after: { intakeMode: "SYNC" } });
  const saved = await viaSession(saveSyncEndpoint, { url: `http://127.0.0.1:${port}/ho-so` });
  if (!saved.ok) throw new Error(saved.message);
  secret = saved.data.secret!;
  expect(secret).toMatch(/^whsec_/);
  expect(await viaSession(saveSyncEndpoint, { url: `http://127.0.0.1:${port}/ho-so` })).toMatchObject({ ok: true, data: { secret: null } });
});

afterAll(async () => {
  await new Promise<void>((resolve) => inbox.server.close(() => resolve()));
});

describe("outbound dossier sync", () => {
  let first = { code: "", id: "" };

  it("a filed dossier is delivered, signed, with answers, labels, papers and fees: DELIVERED", async () => {
    first = await fileSynced();
    expect(await db.dossier.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ deliveryState: "PENDING" });
    expect(await run()).toMatchObject({ sent: 1, retried: 0, dead: 0 });
    expect(inbox.pushes).toHaveLength(1);
    const { raw, signature } = inbox.pushes[0]!;
    expect(signature).toBe(`sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`);
    const push = DossierFiledPush.parse(JSON.parse(raw));
    expect(push.dossier).toMatchObject({
      code: first.code,
      serviceCode,
      procedureCode: PROCEDURE,
      status: 1,
      applicant: { personalId: "079190012345" },
    });
    expect(Object.keys(push.dossier.answers).length).toBeGreaterThan(3);
    expect(Object.keys(push.dossier.answerLabels).length).toBeGreaterThan(0);
    expect(push.dossier.papers).toHaveLength(1);
    expect(push.dossier.papers[0]!.url).toContain(`/api/v1/ho-so/${first.code}/giay-to/${push.dossier.papers[0]!.id}`);
    expect(push.dossier.fees).toMatchObject({ total: expect.any(Number), paid: 0 });
    const d = await db.dossier.findUniqueOrThrow({ where: { id: first.id } });
    expect(d.deliveryState).toBe("DELIVERED");
    expect(d.deliveredAt).not.toBeNull();
    const log = await db.exchangeLog.findFirstOrThrow({ where: { operation: "dossier-deliver", documentKey: first.code } });
    expect(log).toMatchObject({ success: true, direction: "out" });

    // The officer's page offers nothing, and the use cases refuse an action taken anyway.
    expect(officerActionMenu({ status: 1, holder: true, mayProcess: true, processedElsewhere: true })).toEqual({ primary: null, more: [] });
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await viaSession(actOnDossier, { code: first.code, version: d.version, action: "receive" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("the agency downloads the paper and acknowledges; another agency's key reads it as not found; bad input names the field", async () => {
    const push = DossierFiledPush.parse(JSON.parse(inbox.pushes[0]!.raw));
    const paper = push.dossier.papers[0]!;
    const got = await call(paperRoute, `ho-so/${first.code}/giay-to/${paper.id}`, hcmKey, { code: first.code, id: paper.id });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(PDF_BYTES))).toBe(true);

    const theirs = await call(paperRoute, `ho-so/${first.code}/giay-to/${paper.id}`, hanoiKey, { code: first.code, id: paper.id });
    expect(theirs.status).toBe(404);
    const theirPull = (await (await call(pullRoute, "ho-so/moi", hanoiKey, {})).json()) as { items: unknown[] };
    expect(theirPull.items).toEqual([]);
    const theirAck = await call(ackRoute, `ho-so/${first.code}/tiep-nhan`, hanoiKey, { code: first.code }, "{}");
    expect(theirAck.status).toBe(404);

    const badLimit = await call(pullRoute, "ho-so/moi?so-luong=500", hcmKey, {});
    expect(badLimit.status).toBe(400);
    expect(await badLimit.json()).toMatchObject({
      code: "invalid_query",
      errors: [{ field: "so-luong", message: expect.stringContaining("từ 1 đến 50") }],
    });
    const badBody = await call(
      ackRoute,
      `ho-so/${first.code}/tiep-nhan`,
      hcmKey,
      { code: first.code },
      JSON.stringify({ externalCode: "có khoảng trắng" }),
    );
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toMatchObject({
      code: "invalid",
      errors: [{ field: "externalCode", message: expect.stringContaining("externalCode") }],
    });

    const mine = (await (await call(pullRoute, "ho-so/moi", hcmKey, {})).json()) as { items: { code: string }[] };
    expect(mine.items.map((i) => i.code)).toContain(first.code);

    const ack = await call(
      ackRoute,
      `ho-so/${first.code}/tiep-nhan`,
      hcmKey,
      { code: first.code },
      JSON.stringify({ externalCode: "HCM-2026-000001" }),
    );
    expect(ack.status).toBe(200);
    const body = (await ack.json()) as { deliveryState: string; version: number; acknowledgedAt: string };
    expect(body.deliveryState).toBe("ACKNOWLEDGED");
    // A repeat answers the same and writes nothing new.
    const again = (await (await call(ackRoute, `ho-so/${first.code}/tiep-nhan`, hcmKey, { code: first.code }, "{}")).json()) as typeof body;
    expect(again).toMatchObject({ version: body.version, acknowledgedAt: body.acknowledgedAt });
    const d = await db.dossier.findUniqueOrThrow({ where: { id: first.id }, include: { events: true } });
    expect(d).toMatchObject({ deliveryState: "ACKNOWLEDGED", version: body.version, externalCode: "HCM-2026-000001" });
    expect(d.events.filter((e) => e.action === "agencyAcknowledge")).toHaveLength(1);
    // The agency's own code names one dossier: a second dossier acknowledged under it is a conflict, never a 500.
    const other = await fileSynced();
    expect(await run()).toMatchObject({ sent: 1 });
    const clash = await call(
      ackRoute,
      `ho-so/${other.code}/tiep-nhan`,
      hcmKey,
      { code: other.code },
      JSON.stringify({ externalCode: "HCM-2026-000001" }),
    );
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: "external_code_taken" });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: other.id } })).externalCode).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "dossier.sync.acknowledge", entityId: first.id, outcome: "ok" } })).toBe(2);
    const after = (await (await call(pullRoute, "ho-so/moi", hcmKey, {})).json()) as { items: { code: string }[] };
    expect(after.items.map((i) => i.code)).not.toContain(first.code);
  });

  it("endpoint down: retried with back-off, not lost; delivered once it is back", async () => {
    inbox.down = true;
    const before = inbox.pushes.length;
    const second = await fileSynced();
    expect(await run()).toMatchObject({ sent: 0, retried: 1 });
    await makeDue();
    expect(await run()).toMatchObject({ sent: 0, retried: 1 });
    const row = await db.outboxMessage.findFirstOrThrow({
      where: { kind: DOSSIER_DELIVER_KIND, payload: { path: ["dossierId"], equals: second.id } },
    });
    expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(row.lastError).toContain("503");
    expect(await db.dossier.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ deliveryState: "PENDING" });
    // It waits in the pull inbox meanwhile.
    const waiting = (await (await call(pullRoute, "ho-so/moi", hcmKey, {})).json()) as { items: { code: string; deliveryState: string }[] };
    expect(waiting.items).toContainEqual(expect.objectContaining({ code: second.code, deliveryState: "PENDING" }));

    inbox.down = false;
    await makeDue();
    expect(await run()).toMatchObject({ sent: 1 });
    expect(inbox.pushes.length).toBe(before + 1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 3 });
    expect(await db.dossier.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ deliveryState: "DELIVERED" });
    const failures = await db.exchangeLog.count({ where: { operation: "dossier-deliver", documentKey: second.code, success: false } });
    expect(failures).toBe(2);
  });

  it("a service back in PORTAL mode files dossiers for the officer's pages again", async () => {
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    const s = await db.service.findUniqueOrThrow({ where: { code: serviceCode } });
    expect(
      await viaSession(setServiceIntakeMode, { code: serviceCode, settingsVersion: s.settingsVersion, intakeMode: "PORTAL" }),
    ).toMatchObject({
      ok: true,
    });
    const third = await fileSynced();
    expect(await db.dossier.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ deliveryState: null });
    expect(await run()).toMatchObject({ sent: 0 });
  });
});
