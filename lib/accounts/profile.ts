// The signed-in citizen's own profile.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";

export async function getOwnProfile(userId: string, client: Db | Tx = db) {
  return client.user.findUnique({
    where: { id: userId },
    select: {
      fullName: true,
      cccd: true,
      dateOfBirth: true,
      phone: true,
      email: true,
      address: true,
      createdAt: true,
      identityVerifiedAt: true,
    },
  });
}

// There is no hand edit of the profile yet. When one comes, it must refuse changes to the identity fields
// (name, CCCD, date of birth, address, phone) while `identityVerifiedAt` is set: the e-ID vouched for them.

/** Shows only the last four digits of an identity number. */
export function maskCccd(cccd: string | null): string {
  return cccd ? `${"•".repeat(8)}${cccd.slice(-4)}` : "";
}
