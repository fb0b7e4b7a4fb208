// Whether this node can serve (GET /api/ready, asked by the load balancer): the database answers, its
// migrations are the ones this code was built for, and the file storage takes a write. Each check is
// bounded in time, and its answer is a code, not an error text: the endpoint is public. So it stays cheap
// however often it is asked: one answer serves every request for READY_TTL_MS (one check at a time), and a
// storage write that worked is trusted for STORAGE_TTL_MS (a versioned bucket keeps every probe's versions:
// give the `ready/` prefix a short lifecycle rule).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { APPLIED_MIGRATIONS_SQL, migrationState } from "@/lib/db/migrate";
import { fileStorage } from "@/lib/files/storage";
import { errorField, log } from "./log";

const CHECK_MS = 3_000;
const READY_TTL_MS = 5_000;
const STORAGE_TTL_MS = 60_000;

/** A check's answer: ok, or the problem's code ("timeout", "failed", "pending"...), with what it counted. */
type Check = { ok: boolean; ms: number; problem?: string } & Record<string, unknown>;

export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; storage: Check };
}

/** Runs a check: `fn` answers extra fields, with `problem` set when it is not ok; a throw is "failed". */
async function check(name: string, fn: () => Promise<{ problem?: string } & Record<string, unknown>>): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      fn(),
      new Promise<{ problem: string }>((resolve) => {
        timer = setTimeout(() => resolve({ problem: "timeout" }), CHECK_MS);
      }),
    ]);
    return { ok: !outcome.problem, ms: ms(), ...outcome };
  } catch (err) {
    log.warn({ check: name, err: errorField(err) }, "readiness check failed");
    return { ok: false, ms: ms(), problem: "failed" };
  } finally {
    clearTimeout(timer);
  }
}

let last: { at: number; answer: Promise<Readiness> } | undefined;
let lastStorage: { at: number; check: Check } | undefined;

/** This node's readiness, checked at most once per READY_TTL_MS. */
export function readiness(): Promise<Readiness> {
  const now = Date.now();
  if (last && now - last.at < READY_TTL_MS) return last.answer;
  last = { at: now, answer: checkAll() };
  return last.answer;
}

/** Forgets the last answer (tests that change what a check sees). */
export function forgetReadiness(): void {
  last = undefined;
  lastStorage = undefined;
}

async function storageCheck(): Promise<Check> {
  if (lastStorage && Date.now() - lastStorage.at < STORAGE_TTL_MS) return lastStorage.check;
  const result = await check("storage", async () => {
    const key = `ready/${randomUUID()}`;
    const bytes = new TextEncoder().encode(key);
    const store = fileStorage();
    await store.put(key, bytes);
    try {
      const back = await store.get(key);
      return Buffer.from(bytes).equals(back) ? {} : { problem: "read_back_differs" };
    } finally {
      await store.remove(key);
    }
  });
  lastStorage = result.ok ? { at: Date.now(), check: result } : undefined;
  return result;
}

async function checkAll(): Promise<Readiness> {
  const [database, migrations, storage] = await Promise.all([
    check("database", async () => {
      await db.$queryRawUnsafe("SELECT 1");
      return {};
    }),
    check("migrations", async () => {
      const applied =
        await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(APPLIED_MIGRATIONS_SQL);
      const { pending, edited } = migrationState(applied);
      if (pending.length) return { problem: "pending", pending: pending.length };
      if (edited.length) return { problem: "edited", edited: edited.length };
      return {};
    }),
    storageCheck(),
  ]);
  return { ready: database.ok && migrations.ok && storage.ok, checks: { database, migrations, storage } };
}
