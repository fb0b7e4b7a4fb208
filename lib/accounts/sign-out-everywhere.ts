// Ends every session of the signed-in user, on every device.
import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/auth/door";

export const signOutEverywhere = defineAction({
  name: "account.signOutEverywhere",
  permission: "account.signOutEverywhere",
  schema: z.object({}),
  entityType: "user",
  async run(_input, { tx, actor }) {
    const r = await tx.session.updateMany({ where: { userId: actor!.id, revokedAt: null }, data: { revokedAt: new Date() } });
    return { result: { revoked: r.count }, entityId: actor!.id, details: { revoked: r.count } };
  },
});
