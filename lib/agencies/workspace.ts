// What an officer's workspace shows of their own agency. Scoped by the officer's agency here, so no
// page can ask for another agency's data.
import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";

export async function officerAgencyOverview(user: CurrentUser) {
  if (user.agencyId == null) return null;
  const agency = await db.agency.findUnique({ where: { id: user.agencyId } });
  if (!agency) return null;
  const byLevel = await db.service.groupBy({
    by: ["onlineLevel"],
    where: { agencyId: agency.id, published: true },
    _count: { _all: true },
    orderBy: { onlineLevel: "asc" },
  });
  const officers = await db.user.count({ where: { agencyId: agency.id, role: { in: ["OFFICER", "AGENCY_ADMIN"] }, disabledAt: null } });
  return { agency, byLevel: byLevel.map((r) => ({ level: r.onlineLevel, count: r._count._all })), officers };
}
