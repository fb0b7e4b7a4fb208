// The signed-in citizen's own profile.
import "server-only";
import { db } from "@/lib/db/client";

export async function getOwnProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { fullName: true, cccd: true, dateOfBirth: true, phone: true, email: true, createdAt: true },
  });
}

/** Shows only the last four digits of an identity number. */
export function maskCccd(cccd: string | null): string {
  return cccd ? `${"•".repeat(8)}${cccd.slice(-4)}` : "";
}
