// Ends every session of the signed-in user, on every device.
import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/auth/door";

export const signOutEverywhere = defineUseCase({
  name: "account.signOutEverywhere",
  permission: "account.signOutEverywhere",
  schema: z.object({}),
  entityType: "user",
  async run(_input, { tx, user }) {
    const r = await tx.session.updateMany({ where: { userId: user!.id, revokedAt: null }, data: { revokedAt: new Date() } });
    return { result: { revoked: r.count }, entityId: user!.id, details: { revoked: r.count } };
  },
});
