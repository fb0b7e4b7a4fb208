// Finding: "writes through the agency API are audited like web actions". Every route handler under
// app/api/v1 is found from the tree and must be listed here with how it is audited, so a new write route
// cannot arrive unaudited unnoticed. Each agency write, called through its real route handler with a key,
// leaves exactly one audit entry, made by the one door (lib/auth/door.ts) as the next link of the audit
// chain, naming the agency's system (actor_kind agency_system, the key, the agency); each agency read changes
// nothing but its exchange-log row and the key's last use.
import fs from "node:fs";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/integrity";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import type { EdDocument } from "@/lib/documents/schema";
import { fileHcmDossier } from "../support/filing";

const API_DIR = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** How each handler under app/api/v1 is audited: an agency write (its use case), an agency read, or not the agency API. */
const ROUTES: Record<string, Partial<Record<Method, { write: string } | "read" | { other: string }>>> = {
  "van-ban": { POST: { write: "document.send" } },
  "van-ban/den": { GET: "read" },
  "van-ban/den/[recipientId]/trang-thai": { POST: { write: "document.status" } },
  "van-ban/den/[recipientId]/xac-nhan": { POST: { write: "document.acknowledge" } },
  "van-ban/di/trang-thai": { GET: "read" },
  // Issue 17, sync-in: dossiers received at the agency, their statuses, the day's reconciliation.
  "ho-so": { POST: { write: "dossier.sync.create" } },
  "ho-so/[code]": { GET: "read" },
  "ho-so/[code]/trang-thai": { POST: { write: "dossier.sync.status" } },
  "ho-so/doi-soat": { POST: { write: "dossier.sync.reconcile" } },
  // Issue 17, sync-out: the portal dossiers delivered to an agency's one-stop system.
  "ho-so/moi": { GET: "read" },
  "ho-so/[code]/giay-to/[id]": { GET: "read" },
  "ho-so/[code]/tiep-nhan": { POST: { write: "dossier.sync.acknowledge" } },
  "openapi.json": { GET: { other: "the public OpenAPI description: reads nothing from the database" } },
  "thanh-toan/ket-qua": {
    GET: { other: "the payment gateway's IPN: the payment.confirm use case, actor_kind gateway (tests/integration/payments-ipn.test.ts)" },
  },
};

function routeFiles(dir: string, prefix = ""): { route: string; file: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return routeFiles(path.join(dir, d.name), prefix ? `${prefix}/${d.name}` : d.name);
    return d.name === "route.ts" ? [{ route: prefix, file: path.join(dir, d.name) }] : [];
  });
}

const VPCP = "000.00.00.G22";
const HCMC = "000.00.00.H29";
const keys: Record<string, { id: string; key: string; agencyId: number }> = {};

beforeAll(async () => {
  for (const identifier of [VPCP, HCMC]) {
    const a = await db.agency.findUniqueOrThrow({ where: { identifier } });
    keys[identifier] = { ...(await issueApiKey(a.id, `Hệ thống QLVB ${a.shortName}`)), agencyId: a.id };
  }
});

function message(): EdDocument {
  return {
    from: { organId: VPCP, organName: "Văn phòng Chính phủ" },
    to: [{ organId: HCMC, organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" }],
    code: { number: 800_000 + randomInt(90_000), notation: "VPCP-KSTT" },
    promulgation: { place: "Hà Nội", date: "2026-12-01" },
    documentType: { code: "CV", name: "Công văn" },
    subject: "V/v ghi nhật ký mọi thao tác của hệ thống cơ quan",
    signer: { position: "CHỦ NHIỆM", fullName: "Trần Văn Sơn" },
    priority: 0,
    secrecy: 0,
    trace: { businessType: 0 },
    messageId: randomUUID(),
    attachments: [],
  };
}

const call = (handler: Handler, url: string, key: string, body?: string, params: Record<string, string> = {}) =>
  handler(
    new Request(`http://localhost/api/v1/${url}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "user-agent": "QLVB-test/1.0" },
      body,
    }),
    { params: Promise.resolve(params) },
  );

async function handlerOf(route: string, method: Method): Promise<Handler> {
  const mod = (await import(path.join(API_DIR, route, "route.ts"))) as Record<string, Handler>;
  return mod[method]!;
}

/** The audit entries written by `work`, in chain order. */
async function auditedBy(work: () => Promise<Response>) {
  const head = (await verifyAuditChain({ latest: 1 })).head!.seq;
  const res = await work();
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  const entries = await db.auditEvent.findMany({ where: { seq: { gt: BigInt(head) } }, orderBy: { seq: "asc" } });
  return { res, entries };
}

describe("agency API: every write is audited like a web action", () => {
  it("lists every route handler under app/api/v1 with how it is audited", async () => {
    const found: Record<string, Method[]> = {};
    for (const { route, file } of routeFiles(API_DIR)) {
      const mod = (await import(file)) as Record<string, unknown>;
      found[route] = METHODS.filter((m) => typeof mod[m] === "function");
    }
    const listed = Object.fromEntries(Object.entries(ROUTES).map(([r, m]) => [r, Object.keys(m).sort()]));
    expect(Object.fromEntries(Object.entries(found).map(([r, m]) => [r, [...m].sort()]))).toEqual(listed);
    // The agency's routes all go through the one prelude (key → agency_system actor → a use case).
    for (const [route, methods] of Object.entries(ROUTES)) {
      if (!Object.values(methods).some((s) => s === "read" || "write" in s)) continue;
      expect(fs.readFileSync(path.join(API_DIR, route, "route.ts"), "utf8"), route).toMatch(/agencyApiRoute\(/);
    }
  });

  it("writes through the agency API are audited like web actions: one chained entry each, by the agency's system", async () => {
    const writes: Record<string, { entries: Awaited<ReturnType<typeof auditedBy>>["entries"]; agency: string }> = {};

    const send = await auditedBy(async () =>
      call(await handlerOf("van-ban", "POST"), "van-ban", keys[VPCP]!.key, JSON.stringify(message())),
    );
    const { documentKey } = (await send.res.json()) as { documentKey: string };
    const copy = await db.documentRecipient.findFirstOrThrow({ where: { document: { documentKey } } });
    writes["document.send"] = { entries: send.entries, agency: VPCP };

    const status = await auditedBy(async () =>
      call(
        await handlerOf("van-ban/den/[recipientId]/trang-thai", "POST"),
        `van-ban/den/${copy.id}/trang-thai`,
        keys[HCMC]!.key,
        JSON.stringify({ status: "03", staff: { name: "Văn thư" } }),
        { recipientId: copy.id },
      ),
    );
    writes["document.status"] = { entries: status.entries, agency: HCMC };

    const ack = await auditedBy(async () =>
      call(await handlerOf("van-ban/den/[recipientId]/xac-nhan", "POST"), `van-ban/den/${copy.id}/xac-nhan`, keys[HCMC]!.key, "", {
        recipientId: copy.id,
      }),
    );
    writes["document.acknowledge"] = { entries: ack.entries, agency: HCMC };

    // Issue 17 (sync-out): a portal dossier of a SYNC service, acknowledged by HCMC's one-stop system.
    await db.service.updateMany({ where: { agency: { identifier: HCMC }, procedure: { code: "1.004873" } }, data: { intakeMode: "SYNC" } });
    const filed = await fileHcmDossier();
    const dossierAck = await auditedBy(async () =>
      call(
        await handlerOf("ho-so/[code]/tiep-nhan", "POST"),
        `ho-so/${filed.code}/tiep-nhan`,
        keys[HCMC]!.key,
        JSON.stringify({ externalCode: "HCM-2026-000001" }),
        { code: filed.code },
      ),
    );
    writes["dossier.sync.acknowledge"] = { entries: dossierAck.entries, agency: HCMC };

    // Issue 17 (sync-in): a dossier received at HCMC's counter, moved on, and the day reconciled.
    const withKey = (handler: Handler, url: string, body: unknown, params: Record<string, string> = {}) =>
      handler(
        new Request(`http://localhost/api/v1/${url}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${keys[HCMC]!.key}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
            "user-agent": "QLVB-test/1.0",
          },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );
    const receivedAt = new Date();
    const day = receivedAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" });
    const counterCode = `${HCMC}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${9000 + randomInt(1000)}`;
    const created = await auditedBy(async () =>
      withKey(await handlerOf("ho-so", "POST"), "ho-so", {
        code: counterCode,
        procedureCode: "1.004873",
        applicant: { name: "Nguyễn Văn Quầy", personalId: "079190099999" },
        channel: "counter",
        receivedAt: receivedAt.toISOString(),
        dueAt: new Date(receivedAt.getTime() + 10 * 86_400_000).toISOString(),
        status: 2,
      }),
    );
    const made = (await created.res.json()) as { code: string; version: number };
    writes["dossier.sync.create"] = { entries: created.entries, agency: HCMC };
    const moved = await auditedBy(async () =>
      withKey(
        await handlerOf("ho-so/[code]/trang-thai", "POST"),
        `ho-so/${made.code}/trang-thai`,
        { version: made.version, status: 4, at: new Date().toISOString() },
        { code: made.code },
      ),
    );
    const now4 = (await moved.res.json()) as { version: number };
    writes["dossier.sync.status"] = { entries: moved.entries, agency: HCMC };
    const reconciled = await auditedBy(async () =>
      withKey(await handlerOf("ho-so/doi-soat", "POST"), "ho-so/doi-soat", {
        date: day,
        dossiers: [{ code: made.code, status: 4, version: now4.version }],
      }),
    );
    writes["dossier.sync.reconcile"] = { entries: reconciled.entries, agency: HCMC };

    // Every write route of the list was exercised.
    const listedWrites = Object.values(ROUTES).flatMap((m) =>
      Object.values(m).flatMap((s) => (typeof s === "object" && "write" in s ? [s.write] : [])),
    );
    expect(Object.keys(writes).sort()).toEqual(listedWrites.sort());
    for (const [action, { entries, agency }] of Object.entries(writes)) {
      expect(entries, action).toHaveLength(1);
      expect(entries[0], action).toMatchObject({
        action,
        outcome: "ok",
        actorKind: "agency_system",
        actorRef: keys[agency]!.id,
        actorAgencyId: keys[agency]!.agencyId,
        actorId: null,
        userAgent: "QLVB-test/1.0",
      });
    }
    expect((await verifyAuditChain()).problems).toEqual([]);
  });

  it("reads through the agency API change nothing but the exchange log, the key's last use and its rate-limit counter", async () => {
    // A fingerprint of every table's content; the key's last use is the one column a read may change, and the
    // limiter counts every request against the key's budget (rate_limit).
    const fingerprint = async () => {
      const tables = (
        await db.$queryRaw<{ t: string }[]>`
          SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('exchange_log', 'rate_limit', '_prisma_migrations')`
      ).map((r) => r.t);
      const out: Record<string, string | null> = {};
      for (const t of tables) {
        const row = t === "api_key" ? `(to_jsonb(x) - 'last_used_at')::text` : "x::text";
        out[t] = (
          await db.$queryRawUnsafe<{ f: string | null }[]>(`SELECT md5(string_agg(${row}, '|' ORDER BY ${row})) AS f FROM "${t}" x`)
        )[0]!.f;
      }
      return out;
    };
    const sent = await call(await handlerOf("van-ban", "POST"), "van-ban", keys[VPCP]!.key, JSON.stringify(message()));
    const { documentKey } = (await sent.json()) as { documentKey: string };
    const before = await fingerprint();
    const inbox = await call(await handlerOf("van-ban/den", "GET"), "van-ban/den", keys[HCMC]!.key);
    expect(inbox.status).toBe(200);
    const statuses = await call(
      await handlerOf("van-ban/di/trang-thai", "GET"),
      `van-ban/di/trang-thai?ma=${encodeURIComponent(documentKey)}`,
      keys[VPCP]!.key,
    );
    expect(statuses.status).toBe(200);
    expect(await fingerprint()).toEqual(before);
  });
});
