// Writes to the append-only audit trail (the table refuses UPDATE and DELETE).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/auth/permissions";

export interface AuditEntry {
  actorId?: string | null;
  actorRole?: Role | null;
  actorKind?: string;
  actorRef?: string | null;
  actorAgencyId?: number | null;
  action: string;
  outcome?: "ok" | "denied" | "failed";
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(client: Db | Tx, e: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
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
      details: e.details,
    },
  });
}
