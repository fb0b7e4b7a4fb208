// Applying the 2025 reorganisation's successions in the app: the preview a VPCP administrator reads, and the
// one audited use case that moves everything open at a retired agency to its successor (the rules, and the SQL,
// are in ./reorganisation-core.ts, shared with the demo seed).
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAgencyIdentifier } from "./identifier";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";
import {
  applyDueSuccessions,
  dueSuccessions,
  totalCounts,
  type DueSuccession,
  type Exec,
  type SuccessionCounts,
} from "./reorganisation-core";

/** The core's SQL runner over a Prisma client or transaction. */
function prismaExec(client: Db | Tx): Exec {
  return <T>(sql: string, params: unknown[] = []) => client.$queryRawUnsafe<T[]>(sql, ...params);
}

export interface SuccessionPreview {
  agencies: DueSuccession[];
  total: SuccessionCounts;
}

/**
 * What applying would move: for one retired agency (its identifier; empty when it is not due: not ended by
 * today, no successor, or its chain ends without one), or for every due agency. Read-only.
 */
export async function previewSuccession(identifier?: string, at: Date = new Date(), client: Db | Tx = db): Promise<SuccessionPreview> {
  const agencies = await dueSuccessions(prismaExec(client), at, identifier);
  return { agencies, total: totalCounts(agencies) };
}

const Input = z.object({
  /** One agency's identifier; absent: every due succession. */
  identifier: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isAgencyIdentifier(v), "Cơ quan: mã định danh không hợp lệ."),
  keys: z.enum(["follow", "revoke"], "Khóa API và địa chỉ nhận đẩy: vui lòng chọn chuyển theo hay thu hồi."),
  /** The checkbox: "on" when ticked (a form), true from code. */
  confirm: z.union([z.literal("on"), z.literal(true)], "Xác nhận: vui lòng đánh dấu ô xác nhận trước khi áp dụng."),
});

export interface ApplySuccessionResult {
  agencies: { identifier: string; successor: string }[];
  moved: SuccessionCounts;
  ms: number;
}

/**
 * Applies the due successions (one agency, or all) in one transaction, audited with the preview's counts and
 * what moved. Idempotent: a second run finds nothing left to move and says so (moved counts all 0).
 */
export const applySuccession = defineUseCase({
  name: "agency.applySuccession",
  permission: "agency.manage",
  entityType: "agency",
  schema: Input,
  async run(input, { tx, user }) {
    const at = new Date();
    const exec = prismaExec(tx);
    const preview = await dueSuccessions(exec, at, input.identifier);
    if (input.identifier && !preview.length) {
      throw new AppError(
        "invalid",
        "Cơ quan: chưa đến ngày thôi hoạt động, hoặc chưa có cơ quan kế thừa đang hoạt động; không có gì để áp dụng.",
        "identifier",
      );
    }
    const done = await applyDueSuccessions(exec, {
      at,
      keys: input.keys,
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      identifier: input.identifier,
    });
    if (done.moved.servicesMoved || done.moved.servicesUnpublished) await expireCatalogEverywhere(tx);
    return {
      result: { agencies: done.agencies, moved: done.moved, ms: done.ms } satisfies ApplySuccessionResult,
      entityId: input.identifier ?? "*",
      details: {
        keys: input.keys,
        agencies: done.agencies,
        preview: totalCounts(preview) as unknown as Prisma.InputJsonValue,
        moved: done.moved as unknown as Prisma.InputJsonValue,
        officersReassigned: done.officerIds,
        ms: done.ms,
      },
    };
  },
});
