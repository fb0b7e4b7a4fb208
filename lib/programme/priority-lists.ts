// The VPCP priority list of services to bring online at level 3 or 4 in a year. A VPCP administrator proposes
// it (DRAFT), opens it for consultation (CONSULTING) during which any agency's administrator comments on the
// list or on one entry, then publishes it (PUBLISHED): public, and never changed again.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { db, type Tx } from "@/lib/db/client";
import { id } from "./common";

export const PRIORITY_STATUS_LABEL = { DRAFT: "Dự thảo", CONSULTING: "Đang lấy ý kiến", PUBLISHED: "Đã công bố" } as const;

async function lockedList(tx: Tx, listId: number) {
  await tx.$queryRaw`SELECT id FROM priority_list WHERE id = ${listId} FOR UPDATE`;
  const list = await tx.priorityList.findUnique({ where: { id: listId } });
  if (!list) throw new AppError("not_found", "Không tìm thấy danh mục.");
  return list;
}

const published = () => new AppError("conflict", "Danh mục đã công bố, không thể thay đổi.");

export const createPriorityList = defineUseCase({
  name: "priorityList.create",
  permission: "programme.manage",
  entityType: "priority_list",
  schema: z.object({
    year: z.coerce
      .number({ error: "Năm: vui lòng nhập năm." })
      .int("Năm: không hợp lệ.")
      .min(2015, "Năm: từ 2015 trở đi.")
      .max(2100, "Năm: không hợp lệ."),
    title: z.string().trim().min(5, "Tên danh mục: vui lòng nhập (ít nhất 5 ký tự).").max(300, "Tên danh mục: không quá 300 ký tự."),
  }),
  async run(input, { tx }) {
    const list = await tx.priorityList.create({ data: { year: input.year, title: input.title } });
    return { result: { id: list.id }, entityId: String(list.id), details: { year: input.year } };
  },
});

export const addPriorityEntry = defineUseCase({
  name: "priorityList.addEntry",
  permission: "programme.manage",
  entityType: "priority_list",
  schema: z.object({
    listId: id("Danh mục"),
    procedureCode: z.string().trim().min(1, "Mã thủ tục: vui lòng nhập.").max(20, "Mã thủ tục: không hợp lệ."),
    targetLevel: z.enum(["3", "4"], "Mức độ mục tiêu: chọn mức 3 hoặc mức 4.").transform(Number),
    note: z.string().trim().max(1000, "Ghi chú: không quá 1000 ký tự.").optional(),
  }),
  async run(input, { tx }) {
    const list = await lockedList(tx, input.listId);
    if (list.status === "PUBLISHED") throw published();
    const procedure = await tx.procedure.findUnique({ where: { code: input.procedureCode }, select: { id: true, name: true } });
    if (!procedure) throw new AppError("invalid", `Mã thủ tục: không tìm thấy thủ tục ${input.procedureCode}.`, "procedureCode");
    const dup = await tx.priorityListEntry.findUnique({ where: { listId_procedureId: { listId: list.id, procedureId: procedure.id } } });
    if (dup) throw new AppError("invalid", "Mã thủ tục: thủ tục này đã có trong danh mục.", "procedureCode");
    const entry = await tx.priorityListEntry.create({
      data: { listId: list.id, procedureId: procedure.id, targetLevel: input.targetLevel, note: input.note || null },
    });
    return {
      result: { id: entry.id, listId: list.id },
      entityId: String(list.id),
      details: { procedure: input.procedureCode, targetLevel: input.targetLevel },
    };
  },
});

export const removePriorityEntry = defineUseCase({
  name: "priorityList.removeEntry",
  permission: "programme.manage",
  entityType: "priority_list",
  schema: z.object({ entryId: id("Mục") }),
  async run(input, { tx }) {
    const entry = await tx.priorityListEntry.findUnique({ where: { id: input.entryId } });
    if (!entry) throw new AppError("not_found", "Không tìm thấy mục.");
    const list = await lockedList(tx, entry.listId);
    if (list.status === "PUBLISHED") throw published();
    await tx.priorityListEntry.delete({ where: { id: entry.id } });
    return { result: { listId: list.id }, entityId: String(list.id), details: { entryId: entry.id } };
  },
});

/** DRAFT → CONSULTING → PUBLISHED, one step at a time; a list is published only with at least one entry. */
export const advancePriorityList = defineUseCase({
  name: "priorityList.advance",
  permission: "programme.manage",
  entityType: "priority_list",
  schema: z.object({ listId: id("Danh mục"), to: z.enum(["CONSULTING", "PUBLISHED"]) }),
  async run(input, { tx }) {
    const list = await lockedList(tx, input.listId);
    const from = input.to === "CONSULTING" ? "DRAFT" : "CONSULTING";
    if (list.status !== from) {
      throw list.status === "PUBLISHED"
        ? published()
        : new AppError(
            "conflict",
            input.to === "CONSULTING" ? "Chỉ mở lấy ý kiến cho danh mục đang là dự thảo." : "Chỉ công bố danh mục đã qua lấy ý kiến.",
          );
    }
    if (input.to === "PUBLISHED" && (await tx.priorityListEntry.count({ where: { listId: list.id } })) === 0) {
      throw new AppError("invalid", "Danh mục chưa có thủ tục nào, chưa thể công bố.");
    }
    await tx.priorityList.update({
      where: { id: list.id },
      data: { status: input.to, ...(input.to === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    return { result: { listId: list.id, status: input.to }, entityId: String(list.id), details: { from, to: input.to } };
  },
});

/** An agency administrator's comment during consultation, on the list or one of its entries. */
export const commentPriorityList = defineUseCase({
  name: "priorityList.comment",
  permission: "programme.comment",
  entityType: "priority_list",
  schema: z.object({
    listId: id("Danh mục"),
    entryId: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .refine((v) => v === undefined || (Number.isInteger(v) && v > 0), "Góp ý cho: lựa chọn không hợp lệ."),
    body: z.string().trim().min(5, "Nội dung góp ý: vui lòng nhập (ít nhất 5 ký tự).").max(4000, "Nội dung góp ý: không quá 4000 ký tự."),
  }),
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    if (user.agencyId == null) throw new AppError("forbidden", "Tài khoản chưa gắn với cơ quan nào.");
    const list = await lockedList(tx, input.listId);
    if (list.status !== "CONSULTING") throw new AppError("conflict", "Danh mục không trong thời gian lấy ý kiến.");
    if (input.entryId !== undefined) {
      const entry = await tx.priorityListEntry.findUnique({ where: { id: input.entryId } });
      if (!entry || entry.listId !== list.id) throw new AppError("invalid", "Góp ý cho: mục không thuộc danh mục này.", "entryId");
    }
    const c = await tx.priorityListComment.create({
      data: { listId: list.id, entryId: input.entryId ?? null, agencyId: user.agencyId, authorName: user.fullName, body: input.body },
    });
    return {
      result: { id: c.id, listId: list.id },
      entityId: String(list.id),
      details: { commentId: c.id, entryId: input.entryId ?? null },
    };
  },
});

export interface PriorityListSummary {
  id: number;
  year: number;
  title: string;
  status: keyof typeof PRIORITY_STATUS_LABEL;
  publishedAt: Date | null;
  entries: number;
  level4: number;
  comments: number;
}

/** Lists with their counts (one aggregate query); `publishedOnly` for the public page. */
export async function listPriorityLists(publishedOnly = false): Promise<PriorityListSummary[]> {
  const rows = await db.$queryRaw<
    (Omit<PriorityListSummary, "entries" | "level4" | "comments"> & { entries: bigint; level4: bigint; comments: bigint })[]
  >`
    SELECT l.id, l.year, l.title, l.status::text AS status, l.published_at AS "publishedAt",
           (SELECT count(*) FROM priority_list_entry e WHERE e.list_id = l.id) AS entries,
           (SELECT count(*) FROM priority_list_entry e WHERE e.list_id = l.id AND e.target_level = 4) AS level4,
           (SELECT count(*) FROM priority_list_comment c WHERE c.list_id = l.id) AS comments
    FROM priority_list l
    WHERE ${publishedOnly} = false OR l.status = 'PUBLISHED'
    ORDER BY l.year DESC, l.id DESC`;
  return rows.map((r) => ({ ...r, entries: Number(r.entries), level4: Number(r.level4), comments: Number(r.comments) }));
}

export async function getPriorityList(listId: number) {
  return db.priorityList.findUnique({
    where: { id: listId },
    include: {
      entries: { include: { procedure: { select: { code: true, name: true, onlineLevel: true } } }, orderBy: { id: "asc" } },
      comments: { include: { agency: { select: { name: true, identifier: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** Published lists with their entries, for the public page. */
export async function publishedPriorityLists() {
  return db.priorityList.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ year: "desc" }, { id: "desc" }],
    include: { entries: { include: { procedure: { select: { code: true, name: true } } }, orderBy: { id: "asc" } } },
  });
}
