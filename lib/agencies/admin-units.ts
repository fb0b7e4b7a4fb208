// Administrative units for address pickers: the provinces, or the children of one unit.
import "server-only";
import { db } from "@/lib/db/client";

export async function adminUnitChildren(parentCode: string | null): Promise<{ code: string; name: string }[]> {
  return db.adminUnit.findMany({
    where: parentCode ? { parentCode } : { level: "PROVINCE" },
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });
}
