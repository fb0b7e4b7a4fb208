// The two-level map in force from 1 July 2025 (prisma/data/admin-units-2025.json) against Resolution
// 202/2025/QH15 as written out below by hand: 11 provinces unchanged, 23 formed by merging 52 old ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { level1s } from "dvhcvn";
import { PROVINCE_MERGERS_2025, UNCHANGED_PROVINCES_2025, loadAdminUnits2025, loadSuccession2025 } from "@/lib/agencies/admin-map-2025";

const data = loadAdminUnits2025();
const oldProvinces = new Map(level1s.map((p) => [p.id, p.name]));

// Resolution 202/2025/QH15, article 1 (new province ← the old provinces merged into it), by the old codes of
// Decision 124/2004. Written from the resolution's text independently of the dataset; the test compares the two.
const RESOLUTION_202: Record<string, string[]> = {
  "Tuyên Quang": ["08", "02"],
  "Lào Cai": ["10", "15"],
  "Thái Nguyên": ["19", "06"],
  "Phú Thọ": ["25", "26", "17"],
  "Bắc Ninh": ["27", "24"],
  "Hưng Yên": ["33", "34"],
  "Hải Phòng": ["31", "30"],
  "Ninh Bình": ["37", "35", "36"],
  "Quảng Trị": ["45", "44"],
  "Đà Nẵng": ["48", "49"],
  "Quảng Ngãi": ["51", "62"],
  "Gia Lai": ["64", "52"],
  "Khánh Hòa": ["56", "58"],
  "Lâm Đồng": ["68", "67", "60"],
  "Đắk Lắk": ["66", "54"],
  "Hồ Chí Minh": ["79", "74", "77"],
  "Đồng Nai": ["75", "70"],
  "Tây Ninh": ["72", "80"],
  "Cần Thơ": ["92", "94", "93"],
  "Vĩnh Long": ["86", "83", "84"],
  "Đồng Tháp": ["87", "82"],
  "Cà Mau": ["96", "95"],
  "An Giang": ["89", "91"],
};
const UNCHANGED = [
  "Hà Nội",
  "Huế",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Cao Bằng",
];

const bare = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, "");

describe("the 2025 two-level map", () => {
  it("has 34 provinces and 3,321 communes, each code unique and each commune in a province", { timeout: 30_000 }, () => {
    expect(data.provinces).toHaveLength(34);
    expect(data.communes).toHaveLength(3321);
    expect(new Set(data.communes.map((c) => c.code)).size).toBe(3321);
    const codes = new Set(data.provinces.map((p) => p.code));
    expect(codes.size).toBe(34);
    for (const c of data.communes) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(codes.has(c.province)).toBe(true);
    }
  });

  it("matches Resolution 202/2025/QH15: 23 mergers of 52 old provinces and 11 unchanged, 63 old provinces in all", () => {
    const merged = data.provinces.filter((p) => p.predecessors.length > 1);
    expect(merged).toHaveLength(23);
    expect(Object.fromEntries(merged.map((p) => [bare(p.name), [...p.predecessors].sort()]))).toEqual(
      Object.fromEntries(Object.entries(RESOLUTION_202).map(([k, v]) => [k, [...v].sort()])),
    );
    const unchanged = data.provinces.filter((p) => p.predecessors.length === 1);
    expect(unchanged.map((p) => bare(p.name)).sort()).toEqual([...UNCHANGED].sort());
    for (const p of unchanged) expect(p.predecessors).toEqual([p.code]);
    const all = data.provinces.flatMap((p) => p.predecessors);
    expect(new Set(all).size).toBe(63);
    expect([...all].sort()).toEqual([...oldProvinces.keys()].sort());
    // The code module's table is the same.
    expect(PROVINCE_MERGERS_2025).toHaveLength(23);
    expect(UNCHANGED_PROVINCES_2025).toHaveLength(11);
  });

  it("keeps, for a merged province, the code of one of its predecessors", () => {
    for (const p of data.provinces) expect(p.predecessors).toContain(p.code);
  });

  it("names each commune's predecessors by the 2025-03-01 ward codes, and lists what it could not confirm", () => {
    const oldWards = new Set(level1s.flatMap((p) => (p.children ?? []).flatMap((d) => (d.children ?? []).map((w) => w.id))));
    for (const c of data.communes) for (const o of c.predecessors) expect(oldWards.has(o)).toBe(true);
    const without = data.communes.filter((c) => !c.predecessors.length).map((c) => c.code);
    expect(without).toEqual(data.source.withoutPredecessors);
    expect(without.length).toBeLessThan(10);
    const covered = new Set(data.communes.flatMap((c) => c.predecessors));
    expect(covered.size / oldWards.size).toBeGreaterThan(0.99);
  }, 30_000);

  it("is the file the seed reads", () => {
    const file = JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/admin-units-2025.json"), "utf8"));
    expect(file.source.licence).toBe("MIT");
    expect(file.source.inForceFrom).toBe("2025-07-01");
  });
});

describe("the provincial committees the 2025 map retires (prisma/data/succession-2025.json)", () => {
  const succession = loadSuccession2025();
  const agencies = JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/agencies.json"), "utf8")) as {
    identifier: string;
    kind: string;
    provinceCode: string | null;
  }[];
  const provinces = agencies.filter((a) => a.kind === "PROVINCE");
  const byId = new Map(provinces.map((a) => [a.identifier, a]));

  it("retires the 29 committees merged away, each into the continuing committee of its new province", () => {
    expect(succession.effective).toBe("2025-07-01");
    expect(succession.retired).toHaveLength(29);
    const retired = new Set(succession.retired.map((r) => r.identifier));
    expect(provinces.length - retired.size).toBe(34);
    for (const r of succession.retired) {
      expect(byId.get(r.identifier)?.provinceCode).toBe(r.provinceCode);
      expect(retired.has(r.successor)).toBe(false);
      const merged = PROVINCE_MERGERS_2025.find((p) => p.predecessors.includes(r.provinceCode))!;
      expect(merged.predecessors).toContain(byId.get(r.successor)?.provinceCode);
    }
    // The demo's pilots continue: Hồ Chí Minh City (H29) and Đồng Nai (H19).
    expect(retired.has("000.00.00.H29")).toBe(false);
    expect(retired.has("000.00.00.H19")).toBe(false);
  });

  it("gives each of the 34 continuing committees the code of its 2025 province, one each", () => {
    const recoded = new Map(succession.recoded.map((r) => [r.identifier, r.provinceCode]));
    const retired = new Set(succession.retired.map((r) => r.identifier));
    const current = provinces.filter((a) => !retired.has(a.identifier)).map((a) => recoded.get(a.identifier) ?? a.provinceCode);
    expect([...current].sort()).toEqual(data.provinces.map((p) => p.code).sort());
    for (const r of succession.recoded) expect(byId.get(r.identifier)?.provinceCode).toBe(r.from);
  });
});
