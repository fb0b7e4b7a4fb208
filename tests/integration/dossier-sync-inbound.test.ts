// The dossier sync API's inbound half (issue 17) through its route handlers: an agency's one-stop system files a
// dossier received at its counter and moves it; stale versions get 409 with the current one, a replayed request
// changes nothing, another agency's key reaches nothing, bad input names the field, and nothing answers 500.
// The citizen whose verified number matches sees it (read-only); reconciliation counts both sides.
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/v1/ho-so/route";
import { GET as getOne } from "@/app/api/v1/ho-so/[code]/route";
import { POST as pushStatus } from "@/app/api/v1/ho-so/[code]/trang-thai/route";
import { POST as reconcile } from "@/app/api/v1/ho-so/doi-soat/route";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import { listOwnDossiers, getOwnDossier } from "@/lib/dossiers/citizen";
import { verifyDossierChain } from "@/lib/dossiers/events";
import { trackDossier } from "@/lib/dossiers/citizen";
import { userActor } from "@/lib/auth/actor";
import { officerActionMenu } from "@/lib/dossiers/officer-actions";
import type { SessionUser } from "@/lib/auth/sessions";

const HCMC = "000.00.00.H29";
const DONG_NAI = "000.00.00.H19";
const PID = "079199912345";
const keys: Record<string, string> = {};
let serviceCode = "";

function req(path: string, o: { key?: string; body?: unknown; idem?: string; raw?: string } = {}) {
  const headers = new Headers();
  if (o.key) headers.set("authorization", `Bearer ${o.key}`);
  if (o.idem) headers.set("idempotency-key", o.idem);
  const body = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost/api/v1${path}`, { method: body === undefined ? "GET" : "POST", headers, body });
}
const params = (code: string) => ({ params: Promise.resolve({ code }) });

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const freshCode = () => `${HCMC}-${today().slice(2, 4)}${today().slice(5, 7)}${today().slice(8, 10)}-${80000 + randomInt(9999)}`;

function dossier(code: string, extra: Record<string, unknown> = {}) {
  const now = new Date();
  return {
    code,
    serviceCode,
    applicant: { name: "Nguyễn Văn Đồng Bộ", personalId: PID, phone: "0901234567", email: "dongbo@example.test" },
    channel: "counter",
    receivedAt: now.toISOString(),
    dueAt: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
    status: 2,
    ...extra,
  };
}

async function file(code = freshCode()) {
  const res = await create(req("/ho-so", { key: keys[HCMC], idem: randomUUID(), body: dossier(code) }));
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; status: number; version: number; trackingPin: string };
}

beforeAll(async () => {
  for (const id of [HCMC, DONG_NAI]) {
    const a = await db.agency.findUniqueOrThrow({ where: { identifier: id } });
    keys[id] = (await issueApiKey(a.id, `sync-in test ${id}`)).key;
  }
  const s = await db.service.findFirstOrThrow({ where: { agency: { identifier: HCMC }, published: true }, orderBy: { id: "asc" } });
  serviceCode = s.code;
});

describe("dossier sync, inbound", () => {
  it("files a counter dossier and moves it through statuses, each in the timeline with its reason", async () => {
    const filed = await file();
    expect(filed).toMatchObject({ status: 2, version: 1 });
    expect(filed.trackingPin).toMatch(/^\d{6}$/);
    const steps = [
      { status: 4 },
      { status: 5, reason: "Thiếu giấy tờ", supplementation: { papers: ["Bản sao sổ hộ khẩu"] } },
      { status: 4 },
      { status: 9, result: { name: "Giấy xác nhận", number: "123/GXN" } },
      { status: 10 },
    ];
    let version = filed.version;
    for (const s of steps) {
      const res = await pushStatus(
        req(`/ho-so/${filed.code}/trang-thai`, {
          key: keys[HCMC],
          idem: randomUUID(),
          body: { version, at: new Date().toISOString(), ...s },
        }),
        params(filed.code),
      );
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
      const b = (await res.json()) as { status: number; version: number };
      expect(b.status).toBe(s.status);
      version = b.version;
    }
    const d = await db.dossier.findUniqueOrThrow({ where: { code: filed.code }, include: { events: { orderBy: { seq: "asc" } } } });
    expect(d).toMatchObject({ origin: "AGENCY_SYSTEM", applicantId: null, applicantCccd: PID, status: 10, externalCode: filed.code });
    expect(d.syncedAt).not.toBeNull();
    expect(d.events.map((e) => e.toStatus)).toEqual([2, 4, 5, 4, 9, 10]);
    expect(d.events.find((e) => e.toStatus === 5)?.note).toBe("Thiếu giấy tờ");
    expect(await verifyDossierChain(db, d.id)).toEqual([]);
    const view = await getOne(req(`/ho-so/${filed.code}`, { key: keys[HCMC] }), params(filed.code));
    expect(await view.json()).toMatchObject({ code: filed.code, status: 10, version, origin: "AGENCY_SYSTEM" });
  });

  it("answers 409 stale_version with the current version, and a replay changes nothing", async () => {
    const filed = await file();
    const idem = randomUUID();
    const body = { version: 1, status: 4, at: new Date().toISOString() };
    const first = await pushStatus(req(`/ho-so/${filed.code}/trang-thai`, { key: keys[HCMC], idem, body }), params(filed.code));
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const before = await db.dossier.findUniqueOrThrow({ where: { code: filed.code }, include: { _count: { select: { events: true } } } });
    // The same request again: the stored answer, nothing moves.
    const replay = await pushStatus(req(`/ho-so/${filed.code}/trang-thai`, { key: keys[HCMC], idem, body }), params(filed.code));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(firstBody);
    const after = await db.dossier.findUniqueOrThrow({ where: { code: filed.code }, include: { _count: { select: { events: true } } } });
    expect(after.version).toBe(before.version);
    expect(after._count.events).toBe(before._count.events);
    // The same key with another body is refused.
    const reused = await pushStatus(
      req(`/ho-so/${filed.code}/trang-thai`, { key: keys[HCMC], idem, body: { ...body, status: 9 } }),
      params(filed.code),
    );
    expect(reused.status).toBe(422);
    expect((await reused.json()).code).toBe("idempotency_key_reused");
    // A stale version: 409 with the current version and status.
    const stale = await pushStatus(
      req(`/ho-so/${filed.code}/trang-thai`, {
        key: keys[HCMC],
        idem: randomUUID(),
        body: { version: 1, status: 5, at: new Date().toISOString(), reason: "x", supplementation: { papers: ["y"] } },
      }),
      params(filed.code),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "stale_version", currentVersion: 2, currentStatus: 4 });
    // Creating again under the same code: 409 code_taken.
    const again = await create(req("/ho-so", { key: keys[HCMC], idem: randomUUID(), body: dossier(filed.code) }));
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("code_taken");
  });

  it("another agency's key reaches nothing", async () => {
    const filed = await file();
    const other = keys[DONG_NAI];
    const get = await getOne(req(`/ho-so/${filed.code}`, { key: other }), params(filed.code));
    expect(get.status).toBe(404);
    const push = await pushStatus(
      req(`/ho-so/${filed.code}/trang-thai`, {
        key: other,
        idem: randomUUID(),
        body: { version: 1, status: 4, at: new Date().toISOString() },
      }),
      params(filed.code),
    );
    expect(push.status).toBe(404);
    // Nor may it file under HCMC's identifier.
    const foreign = await create(req("/ho-so", { key: other, idem: randomUUID(), body: dossier(freshCode()) }));
    expect(foreign.status).toBe(422);
    expect((await foreign.json()).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "code" })]));
    expect((await db.dossier.findUniqueOrThrow({ where: { code: filed.code } })).version).toBe(1);
  });

  it("bad input names the field; nothing answers 500", async () => {
    const cases: [unknown, string][] = [
      [dossier(freshCode(), { applicant: { name: "A", personalId: "123" } }), "applicant.personalId"],
      [dossier(freshCode(), { receivedAt: "hôm qua" }), "receivedAt"],
      [dossier(freshCode(), { serviceCode: undefined }), "serviceCode"],
      [dossier(freshCode(), { serviceCode: "KHONG-CO" }), "serviceCode"],
      [dossier(freshCode(), { status: 11 }), "status"],
      [dossier("ABC"), "code"],
    ];
    for (const [body, field] of cases) {
      const res = await create(req("/ho-so", { key: keys[HCMC], idem: randomUUID(), body }));
      expect(res.status, field).toBe(422);
      const p = (await res.json()) as { errors?: { field: string; message: string }[] };
      expect(p.errors?.map((e) => e.field)).toContain(field);
    }
    const noKey = await create(req("/ho-so", { key: keys[HCMC], body: dossier(freshCode()) }));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).code).toBe("idempotency_key_missing");
    const badJson = await create(req("/ho-so", { key: keys[HCMC], idem: randomUUID(), raw: "{" }));
    expect(badJson.status).toBe(400);
    const filed = await file();
    const wrongMove = await pushStatus(
      req(`/ho-so/${filed.code}/trang-thai`, {
        key: keys[HCMC],
        idem: randomUUID(),
        body: { version: 1, status: 10, at: new Date().toISOString() },
      }),
      params(filed.code),
    );
    expect(wrongMove.status).toBe(409);
    expect((await wrongMove.json()).code).toBe("invalid_transition");
    const missingReason = await pushStatus(
      req(`/ho-so/${filed.code}/trang-thai`, {
        key: keys[HCMC],
        idem: randomUUID(),
        body: { version: 1, status: 8, at: new Date().toISOString() },
      }),
      params(filed.code),
    );
    expect(missingReason.status).toBe(422);
    expect((await missingReason.json()).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "reason" })]));
    const weird = await getOne(req(`/ho-so/%00`, { key: keys[HCMC] }), params("\u0000"));
    expect(weird.status).toBe(404);
  });

  it("the citizen verified with the number sees it read-only and tracks it; officers get no action", async () => {
    const filed = await file();
    const user = {
      id: randomUUID(),
      role: "CITIZEN",
      fullName: "Nguyễn Văn Đồng Bộ",
      email: null,
      agencyId: null,
      sessionId: "s",
      authMethod: "eid",
      assuranceLevel: 2,
      verifiedCccd: PID,
    } as unknown as SessionUser;
    const mine = await listOwnDossiers(user, 100);
    expect(mine.map((d) => d.code)).toContain(filed.code);
    const one = await getOwnDossier(user, filed.code);
    expect(one?.access).toBe("represented");
    const unverified = { ...user, verifiedCccd: null } as SessionUser;
    expect((await listOwnDossiers(unverified, 100)).map((d) => d.code)).not.toContain(filed.code);
    const tracked = await trackDossier(
      { code: filed.code, pin: filed.trackingPin },
      { user: null, ip: `10.9.${randomInt(250)}.${randomInt(250)}` },
    );
    expect(tracked.kind).toBe("found");
    const byPhone = await trackDossier({ code: filed.code, pin: "4567" }, { user: null, ip: `10.8.${randomInt(250)}.${randomInt(250)}` });
    expect(byPhone.kind).toBe("found");
    expect(userActor(user).kind).toBe("user");
    expect(officerActionMenu({ status: 2, holder: true, mayProcess: true, processedElsewhere: true })).toEqual({ primary: null, more: [] });
  });

  it("reconciles a day: counts on both sides and the codes that differ, stored", async () => {
    const a = await file();
    const b = await file();
    const portal = await db.dossier.findMany({
      where: { origin: "AGENCY_SYSTEM", receivingAgency: { identifier: HCMC } },
      select: { code: true, status: true, version: true, submittedAt: true },
    });
    const mineToday = portal.filter((d) => new Date(d.submittedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10) === today());
    const side = mineToday.map(({ code, status, version }) => ({ code, status, version }));
    const ok = await reconcile(req("/ho-so/doi-soat", { key: keys[HCMC], body: { date: today(), dossiers: side } }));
    expect(ok.status).toBe(200);
    const report = (await ok.json()) as {
      differences: unknown[];
      agencyCounts: Record<string, number>;
      portalCounts: Record<string, number>;
    };
    expect(report.differences).toEqual([]);
    expect(report.agencyCounts).toEqual(report.portalCounts);
    const off = side.map((d) => (d.code === a.code ? { ...d, status: 4 } : d)).filter((d) => d.code !== b.code);
    const bad = await reconcile(req("/ho-so/doi-soat", { key: keys[HCMC], body: { date: today(), dossiers: off } }));
    const badReport = (await bad.json()) as { differences: { code: string }[] };
    expect(badReport.differences.map((d) => d.code).sort()).toEqual([a.code, b.code].sort());
    const stored = await db.syncReconciliation.findFirstOrThrow({
      where: { agency: { identifier: HCMC } },
      orderBy: { createdAt: "desc" },
    });
    expect(stored.differenceCount).toBe(2);
  });
});
