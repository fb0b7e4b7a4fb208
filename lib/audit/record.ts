// Writes to the append-only, hash-chained audit trail (the table refuses UPDATE and DELETE, and an INSERT
// without its place in the chain).
//
// Concurrency: many transactions audit at once, and the chain must stay one line. Each append takes a
// transaction-scoped advisory lock and reads the chain's head (one round trip: audit_chain_head()), computes the
// next entry's hash here and inserts it (a second round trip); the lock is released
// when the transaction ends, so the next writer sees this entry committed (or, after a rollback, not at all)
// before it reads the head. The door (lib/auth/door.ts) writes its audit entry as the last statement of
// the use case's transaction, so the lock is held only for that insert and the commit, never for the
// use case's own work. Callers outside a transaction get one of their own.
// The transaction must be READ COMMITTED (PostgreSQL's default, the only level the app uses): each
// statement then sees what committed before it, here the entry of whoever held the lock last.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/auth/permissions";
import { auditHash, storedJson, type AuditContent } from "./chain";
import type { AuditAction, AuditActorKind, AuditEntityType, AuditOutcome } from "./actions";

export interface AuditEntry {
  actorId?: string | null;
  actorRole?: Role | null;
  actorKind?: AuditActorKind;
  actorRef?: string | null;
  actorAgencyId?: number | null;
  /** One of the closed list (lib/audit/actions.ts): the reader sees its words (lib/i18n/vi/audit.ts). */
  action: AuditAction;
  outcome?: AuditOutcome;
  entityType: AuditEntityType;
  entityId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(client: Db | Tx, e: AuditEntry): Promise<void> {
  if ("$transaction" in client) await client.$transaction((tx) => appendAudit(tx, e));
  else await appendAudit(client, e);
}

async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  // One round trip: the lock, then the newest entry (max(seq), the unique index's last key), which the lock keeps
  // the head for as long as this transaction lasts (the SQL function is in migration 20261207110000_audit_chain).
  const [head] = await tx.$queryRaw<
    { seq: bigint; hash: string | null }[]
  >`SELECT head_seq AS seq, head_hash AS hash FROM audit_chain_head()`;
  const details = e.details === undefined ? null : storedJson(e.details);
  const content: AuditContent = {
    seq: head ? Number(head.seq) + 1 : 1,
    // Millisecond precision: the column keeps milliseconds, and the hash must match what is read back.
    at: new Date(),
    actorId: e.actorId ?? null,
    actorRole: e.actorRole ?? null,
    actorKind: e.actorKind ?? (e.actorId ? "user" : "anonymous"),
    actorRef: e.actorRef ?? null,
    actorAgencyId: e.actorAgencyId ?? null,
    action: e.action,
    outcome: e.outcome ?? "ok",
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    ip: e.ip ?? null,
    userAgent: e.userAgent?.slice(0, 400) ?? null,
    details,
    prevHash: head?.hash ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...content,
      actorRole: e.actorRole ?? null,
      seq: BigInt(content.seq),
      details: details === null ? undefined : (details as Prisma.InputJsonValue),
      hash: auditHash(content),
    },
  });
}
