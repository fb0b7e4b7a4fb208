// Reading the audit trail (VPCP administrators).
import "server-only";
import { db } from "@/lib/db/client";

export async function recentAuditEvents(limit = 50, outcome?: "ok" | "denied" | "failed") {
  return db.auditEvent.findMany({
    where: outcome ? { outcome } : undefined,
    orderBy: { id: "desc" },
    take: limit,
  });
}

export async function portalCounts() {
  const [agencies, procedures, services, users] = await Promise.all([
    db.agency.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } }),
    db.procedure.count(),
    db.service.count({ where: { published: true } }),
    db.user.groupBy({ by: ["role"], _count: { _all: true }, orderBy: { role: "asc" } }),
  ]);
  return {
    agencies: agencies.map((a) => ({ kind: a.kind, count: a._count._all })),
    procedures,
    services,
    users: users.map((u) => ({ role: u.role, count: u._count._all })),
  };
}
