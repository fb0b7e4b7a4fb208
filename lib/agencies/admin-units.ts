// Administrative units for address pickers: the provinces, or the children of one unit, on the map in force
// (province → commune since 1 July 2025), or on the three-level map before it for an old address.
import "server-only";
import { db } from "@/lib/db/client";
import type { UnitMap } from "@/lib/forms/address-map";

export async function adminUnitChildren(parentCode: string | null, map: UnitMap = "TWO_LEVEL"): Promise<{ code: string; name: string }[]> {
  return db.adminUnit.findMany({
    where: parentCode ? { map, parentCode } : { map, level: "PROVINCE" },
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });
}
