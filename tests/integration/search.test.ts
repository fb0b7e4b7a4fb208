import { describe, expect, it } from "vitest";
import { listCatalog, PAGE_SIZE, type CatalogItem } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";

const first = async (q: string, agency?: string): Promise<CatalogItem | undefined> => (await listCatalog({ q, agency })).items[0];

describe("catalog search", () => {
  it.each(["dang ky khai sinh", "Đăng ký khai sinh", "dang ki khai sinh", "ĐĂNG KÝ KHAI SINH"])(
    "%j finds Đăng ký khai sinh first",
    async (q) => {
      expect((await first(q))?.name).toBe("Đăng ký khai sinh");
    },
  );

  it("finds the justice-record certificate without diacritics", async () => {
    const r = await listCatalog({ q: "ly lich tu phap" });
    expect(r.total).toBeGreaterThan(0);
    expect(r.items[0]!.name).toContain("Cấp Phiếu lý lịch tư pháp");
  });

  it("lists each procedure once, with the number of agencies offering it", async () => {
    const r = await listCatalog({ q: "dang ky khai sinh" });
    const names = r.items.map((i) => i.code);
    expect(new Set(names).size).toBe(names.length);
    const top = r.items[0]!;
    expect(top.offers).toBe(63);
    expect(top.code).toMatch(/^\d\.\d{6}$/);
    expect(top.agencyName).toBeNull();
  });

  it("links a procedure only one agency offers straight to its service", async () => {
    const r = await listCatalog({ implementing: "CENTRAL" });
    const single = r.items.find((i) => i.offers === 1)!;
    expect(single.code).toMatch(/^\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}\.G\d{2}$/);
    expect(single.agencyName).toBeTruthy();
  });

  it("combines search with filters", async () => {
    const r = await listCatalog({ q: "khai sinh", agency: "000.00.00.H29" });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.agencyIdentifier === "000.00.00.H29")).toBe(true);
  });

  it("finds nothing for nonsense", async () => {
    expect((await listCatalog({ q: "zzqxv wpqk" })).total).toBe(0);
  });
});

describe("catalog paging", () => {
  it("walks forward and back by keyset, and the last page is the tail of the listing", async () => {
    const filters = { agency: "000.00.00.H29" };
    const all = await db.$queryRaw<{ id: number }[]>`
      SELECT s.id FROM service s JOIN agency a ON a.id = s.agency_id
      WHERE a.identifier = '000.00.00.H29' AND s.published ORDER BY s.search_text, s.id`;
    const p1 = await listCatalog(filters);
    expect(p1.total).toBe(all.length);
    expect(p1.items.map((i) => i.id)).toEqual(all.slice(0, PAGE_SIZE).map((r) => r.id));
    expect(p1.prev).toBeUndefined();
    const p2 = await listCatalog(filters, { kind: "after", cursor: p1.next! });
    expect(p2.items.map((i) => i.id)).toEqual(all.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.id));
    const back = await listCatalog(filters, { kind: "before", cursor: p2.prev! });
    expect(back.items.map((i) => i.id)).toEqual(p1.items.map((i) => i.id));
    const last = await listCatalog(filters, { kind: "last" });
    expect(last.items.map((i) => i.id)).toEqual(all.slice(-PAGE_SIZE).map((r) => r.id));
    expect(last.next).toBeUndefined();
    expect(last.prev).toBeDefined();
  });
});
