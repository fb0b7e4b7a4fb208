import { describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/admin";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { seedReference } from "@/prisma/seed/reference";
import { db } from "@/lib/db/client";

const url = () => process.env.DATABASE_URL!;

async function fingerprint(): Promise<string> {
  const [row] = await db.$queryRaw<{ f: string }[]>`
    SELECT md5(string_agg(t, '|' ORDER BY t)) AS f FROM (
      SELECT 'a' || a::text AS t FROM agency a UNION ALL SELECT 'f' || f::text FROM field f
      UNION ALL SELECT 'p' || p::text FROM procedure p UNION ALL SELECT 's' || s::text FROM service s
      UNION ALL SELECT 'v' || v::text FROM form_version v
      UNION ALL SELECT 'c' || c::text FROM calendar_day c UNION ALL SELECT 'u' || u::text FROM admin_unit u) x`;
  return row!.f;
}

describe("reference data", () => {
  it("holds VPCP, at least 25 other central bodies and the 63 provinces of 2016 (34 in force), with valid identifiers", async () => {
    const agencies = await db.agency.findMany();
    expect(agencies.find((a) => a.identifier === "000.00.00.G22")?.name).toBe("Văn phòng Chính phủ");
    const central = agencies.filter((a) => a.kind !== "PROVINCE" && a.identifier !== "000.00.00.G22");
    expect(central.length).toBeGreaterThanOrEqual(25);
    const provinces = agencies.filter((a) => a.kind === "PROVINCE");
    expect(provinces).toHaveLength(63);
    // Since 1 July 2025 (Resolution 202/2025/QH15): 34 in force, one per 2025 province code; 29 retired as history.
    const current = provinces.filter((p) => p.validTo === null);
    expect(current).toHaveLength(34);
    expect(new Set(current.map((p) => p.provinceCode)).size).toBe(34);
    for (const a of agencies) expect(isAgencyIdentifier(a.identifier)).toBe(true);
    const byId = new Map(agencies.map((a) => [a.identifier, a]));
    expect(byId.get("000.00.00.H14")?.shortName).toContain("Cao Bằng");
    expect(byId.get("000.00.00.H29")?.shortName).toContain("Hồ Chí Minh");
    expect(byId.get("000.00.00.H41")?.shortName).toContain("Nghệ An");
    expect(byId.get("000.00.00.H56")?.shortName).toContain("Thanh Hóa");
    expect(byId.get("000.00.00.H29")?.provinceCode).toBe("79");
  });

  it("holds at least 120 procedures and 2,000 agency services, central and provincial, level 3 and 4", async () => {
    expect(await db.procedure.count()).toBeGreaterThanOrEqual(120);
    expect(await db.service.count()).toBeGreaterThanOrEqual(2000);
    const levels = await db.procedure.groupBy({ by: ["onlineLevel"], _count: { _all: true } });
    expect(levels.map((l) => l.onlineLevel).sort()).toEqual([3, 4]);
    const impl = await db.procedure.groupBy({ by: ["implementingLevel"], _count: { _all: true } });
    expect(impl.map((l) => l.implementingLevel)).toEqual(expect.arrayContaining(["CENTRAL", "PROVINCE"]));
    // Every province has a service of every provincial procedure (a retired one's unpublished, as history).
    const [row] = await db.$queryRaw<{ missing: bigint }[]>`
      SELECT count(*) AS missing FROM procedure p CROSS JOIN agency a
      WHERE p.implementing_level <> 'CENTRAL' AND a.kind = 'PROVINCE'
        AND NOT EXISTS (SELECT 1 FROM service s WHERE s.procedure_id = p.id AND s.agency_id = a.id)`;
    expect(Number(row!.missing)).toBe(0);
    const s = await db.service.findFirst({ where: { agency: { identifier: "000.00.00.H29" } }, include: { procedure: true } });
    expect(s!.code).toBe(`${s!.procedure.code}.000.00.00.H29`);
  });

  it("holds the working-day calendar and the administrative units", async () => {
    expect(await db.calendarDay.count({ where: { date: { gte: new Date("2016-01-01"), lt: new Date("2017-01-01") } } })).toBeGreaterThan(5);
    expect((await db.calendarDay.findUnique({ where: { date: new Date("2025-04-26") } }))?.kind).toBe("WORKDAY");
    expect(await db.adminUnit.count({ where: { map: "THREE_LEVEL", level: "PROVINCE" } })).toBe(63);
    expect(await db.adminUnit.count({ where: { map: "THREE_LEVEL", level: "WARD" } })).toBeGreaterThan(10_000);
    expect(await db.adminUnit.count({ where: { map: "TWO_LEVEL", level: "PROVINCE" } })).toBe(34);
    const hcm = await db.adminUnit.findUnique({ where: { map_code: { map: "TWO_LEVEL", code: "79" } } });
    expect(hcm?.name).toContain("Hồ Chí Minh");
  });

  it("changes nothing when run again", async () => {
    const before = await fingerprint();
    await withClient(url(), (c) => seedReference(c));
    expect(await fingerprint()).toBe(before);
  });

  it("publishes a changed form file as the next version only while no administrator has touched that form", async () => {
    const [untouched, touched] = await db.formVersion.findMany({
      where: { agencyId: null, status: "PUBLISHED" },
      orderBy: { procedureId: "asc" },
      take: 2,
    });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "quantri@vpcp.example" } });
    // What a form file that changed since the seeded version looks like from the database's side.
    const older = { format: 2, steps: [{ id: "a", title: "Cũ", fields: [{ id: "x", type: "text", label: "Cũ", required: false }] }] };
    await db.formVersion.update({ where: { id: untouched!.id }, data: { definition: older } });
    await db.formVersion.update({ where: { id: touched!.id }, data: { definition: older, publishedBy: admin.id } });
    await withClient(url(), (c) => seedReference(c));

    const next = await db.formVersion.findFirstOrThrow({
      where: { procedureId: untouched!.procedureId, agencyId: null, status: "PUBLISHED" },
    });
    expect(next.version).toBe(untouched!.version + 1);
    expect(next.definition).toEqual(untouched!.definition);
    expect((await db.formVersion.findUniqueOrThrow({ where: { id: untouched!.id } })).status).toBe("RETIRED");
    expect(await db.service.count({ where: { procedureId: untouched!.procedureId, formVersionId: untouched!.id } })).toBe(0);
    expect(await db.service.count({ where: { procedureId: untouched!.procedureId, formVersionId: next.id } })).toBeGreaterThan(0);
    // The admin's form is theirs: unchanged.
    const kept = await db.formVersion.findUniqueOrThrow({ where: { id: touched!.id } });
    expect(kept).toMatchObject({ status: "PUBLISHED", definition: older });
  });
});
