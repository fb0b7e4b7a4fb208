// The document registers page by keyset on (time, id): every row once, in order, across pages both ways,
// with ties in time, filters kept, and a count; a cursor that is not one reads as the first page.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { incomingRegisterPage, outgoingRegisterPage } from "@/lib/documents/registers";
import { decodeRegisterCursor, encodeRegisterCursor, REGISTER_PAGE_SIZE, type RegisterPageRequest } from "@/lib/documents/register-paging";

const N = 2 * REGISTER_PAGE_SIZE + 7;
let sender: { id: number };
let recipient: { id: number };

beforeAll(async () => {
  sender = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G15" } });
  recipient = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G02" } });
  const base = Date.parse("2026-11-02T02:00:00Z");
  for (let i = 0; i < N; i++) {
    const id = randomUUID();
    // Every third document shares its instant with the one before: the id breaks the tie.
    const at = new Date(base + Math.floor(i / 3) * 60_000 * 2 + (i % 3 === 2 ? 0 : (i % 3) * 60_000));
    await db.document.create({
      data: {
        id,
        messageId: id,
        senderAgencyId: sender.id,
        documentKey: `000.00.00.G15,2026/11/02,${9000 + i}/BTP-PAGE`,
        number: 9000 + i,
        notation: `${9000 + i}/BTP-PAGE`,
        typeCode: "CV",
        typeName: "Công văn",
        year: 2026,
        promulgationPlace: "Hà Nội",
        promulgationDate: new Date("2026-11-02"),
        subject: `${i % 2 ? "Trang lẻ" : "Trang chẵn"} số ${i}`,
        signerPosition: "CHÁNH VĂN PHÒNG",
        signerName: "Nguyễn Văn A",
        priority: i % 5 === 0 ? 1 : 0,
        sha256: "0".repeat(64),
        sentAt: at,
        recipients: { create: { agencyId: recipient.id, arrivedAt: at } },
      },
    });
  }
});

const officerOf = (agencyId: number) => ({ id: randomUUID(), agencyId }) as unknown as CurrentUser;

async function walk<T extends { id: string }>(
  read: (req: RegisterPageRequest) => Promise<{ rows: T[]; total: number; next?: string; prev?: string }>,
) {
  const pages: T[][] = [];
  let req: RegisterPageRequest = { kind: "first" };
  for (;;) {
    const p = await read(req);
    pages.push(p.rows);
    if (!p.next) break;
    req = { kind: "after", ...decodeRegisterCursor(p.next)! };
  }
  // And back again from the last page.
  const back: T[][] = [];
  let b = await read({ kind: "last" });
  back.unshift(b.rows);
  while (b.prev) {
    b = await read({ kind: "before", ...decodeRegisterCursor(b.prev)! });
    back.unshift(b.rows);
  }
  return { pages, back };
}

describe("keyset pages of the registers", () => {
  it("the incoming register: every row once, newest first, the same pages both ways", async () => {
    const user = officerOf(recipient.id);
    const all = await db.documentRecipient.findMany({
      where: { agencyId: recipient.id },
      orderBy: [{ arrivedAt: "desc" }, { id: "desc" }],
    });
    const { pages, back } = await walk((req) => incomingRegisterPage(user, {}, req));
    expect(pages.map((p) => p.length)).toEqual([REGISTER_PAGE_SIZE, REGISTER_PAGE_SIZE, all.length - 2 * REGISTER_PAGE_SIZE]);
    expect(pages.flat().map((r) => r.id)).toEqual(all.map((r) => r.id));
    // Backwards from the last page (the oldest full page) to the first: every row, in order, nothing skipped.
    expect(back[0]!.map((r) => r.id)).toEqual(pages[0]!.map((r) => r.id));
    expect(back.at(-1)!.map((r) => r.id)).toEqual(all.slice(-REGISTER_PAGE_SIZE).map((r) => r.id));
    expect([...new Set(back.flat().map((r) => r.id))]).toEqual(all.map((r) => r.id));
    expect((await incomingRegisterPage(user)).total).toBe(all.length);
  });

  it("filters hold across pages and the count is the filtered one", async () => {
    const user = officerOf(recipient.id);
    const first = await incomingRegisterPage(user, { q: "Trang lẻ" });
    const odd = Math.floor(N / 2);
    expect(first.total).toBe(odd);
    const second = await incomingRegisterPage(user, { q: "Trang lẻ" }, { kind: "after", ...decodeRegisterCursor(first.next!)! });
    expect(second.rows).toHaveLength(odd - REGISTER_PAGE_SIZE);
    expect(second.rows.every((r) => r.document.subject.startsWith("Trang lẻ"))).toBe(true);
    expect(second.next).toBeUndefined();
    expect(second.prev).toBeDefined();
  });

  it("the sent register pages the same way", async () => {
    const user = officerOf(sender.id);
    const all = await db.document.findMany({ where: { senderAgencyId: sender.id }, orderBy: [{ sentAt: "desc" }, { id: "desc" }] });
    const { pages, back } = await walk((req) => outgoingRegisterPage(user, {}, req));
    expect(pages.flat().map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect([...new Set(back.flat().map((d) => d.id))]).toEqual(all.map((d) => d.id));
  });

  it("a cursor naming no row still pages from where it points; an agency sees only its own rows", async () => {
    const user = officerOf(recipient.id);
    const future = await incomingRegisterPage(user, {}, { kind: "after", at: new Date("2999-01-01T00:00:00Z"), id: randomUUID() });
    expect(future.rows).toHaveLength(REGISTER_PAGE_SIZE);
    // "Previous" from beyond the newest row is the first page.
    const before = await incomingRegisterPage(user, {}, { kind: "before", at: new Date("2999-01-01T00:00:00Z"), id: randomUUID() });
    expect(before.prev).toBeUndefined();
    expect(before.rows).toHaveLength(REGISTER_PAGE_SIZE);
    const other = await incomingRegisterPage(
      officerOf(sender.id),
      {},
      { kind: "after", ...decodeRegisterCursor(encodeRegisterCursor({ at: new Date(), id: randomUUID() }))! },
    );
    expect(other.rows.every((r) => r.agencyId === sender.id)).toBe(true);
  });
});
