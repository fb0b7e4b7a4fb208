// The orphan-file sweep: removes stored bytes that no committed row names, once they are older than a grace
// period. Orphans appear when a node dies between writing a file and committing the row that names it (an
// upload's transaction rolled back, a process killed mid-request), or when a removal after a commit failed.
// Run on a schedule by the job queue (queue `sweep-files`), on either store (lib/files/storage.ts). Drawings kept
// only to be served again (`cache/…`, e.g. lib/pdf/receipt-cache.ts) are named by no row: swept the same way, drawn again.
//
// Why a grace period: bytes are written BEFORE the transaction that names them commits (uploadDraftPaper,
// the result PDF, document attachments), so for a moment every new file is an "orphan" that a transaction
// in flight is about to claim. The sweep reads only committed rows, so it must leave young objects alone:
// an object is a candidate only when its store's last-modified time is older than FILE_SWEEP_GRACE_HOURS
// (default 24, at least 1), far longer than any request or job. The same grace applies to stored papers a
// citizen deleted (soft delete, deleted_at): their bytes count as unreferenced, as lib/papers/store.ts
// removeUnreferenced says, but only once the deletion is older than the grace, so a filing that chose the
// paper just before it was deleted cannot lose its bytes while it commits.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { type FileStorage, fileStorage, fileStorageConfig } from "./storage";

export interface SweepOptions {
  /** The sweep's clock (tests). */
  now?: Date;
  /** Defaults to FILE_SWEEP_GRACE_HOURS (24). At least 1. */
  graceHours?: number;
  /** Defaults to this process's store (fileStorage()). */
  storage?: FileStorage;
  /** Keys checked against the database per query (default 500). */
  batchSize?: number;
}

export interface SweepResult {
  /** Objects the store listed. */
  scanned: number;
  /** Objects removed because no committed row names them and they are older than the grace period. */
  removed: number;
}

/** Removals in flight at once per batch: enough to hide an object store's latency, few enough to be polite. */
const REMOVE_CONCURRENCY = 8;

/**
 * The keys of `keys` that no committed row names, in one query: an attachment (any purpose: submission,
 * supplement, result, receipt), a stored paper not deleted before `deletedBefore`, a document attachment.
 */
async function unreferenced(keys: string[], deletedBefore: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT k.key FROM unnest(${keys}::text[]) AS k(key)
    WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.storage_key = k.key)
      AND NOT EXISTS (SELECT 1 FROM stored_paper p WHERE p.storage_key = k.key
                        AND (p.deleted_at IS NULL OR p.deleted_at > ${deletedBefore}::timestamptz))
      AND NOT EXISTS (SELECT 1 FROM document_attachment d WHERE d.storage_key = k.key)
      AND NOT EXISTS (SELECT 1 FROM feedback_attachment f WHERE f.storage_key = k.key)`);
  return rows.map((r) => r.key);
}

async function removeAll(storage: FileStorage, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += REMOVE_CONCURRENCY)
    await Promise.all(keys.slice(i, i + REMOVE_CONCURRENCY).map((k) => storage.remove(k)));
}

export async function sweepOrphanFiles(options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const graceHours = options.graceHours ?? fileStorageConfig().sweepGraceHours;
  if (!Number.isFinite(graceHours) || graceHours < 1) throw new Error(`sweep grace must be at least 1 hour (got ${graceHours})`);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`sweep batch size must be a positive integer (got ${batchSize})`);
  const storage = options.storage ?? fileStorage();
  const cutoff = new Date(now.getTime() - graceHours * 3_600_000);

  let scanned = 0;
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const orphans = await unreferenced(batch, cutoff);
    batch = [];
    await removeAll(storage, orphans);
    removed += orphans.length;
  };
  for await (const object of storage.list()) {
    scanned++;
    if (object.lastModified.getTime() >= cutoff.getTime()) continue;
    batch.push(object.key);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { scanned, removed };
}
