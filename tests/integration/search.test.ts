import { describe, expect, it } from "vitest";
import { listCatalog, PAGE_SIZE, type CatalogItem } from "@/lib/catalog/queries";
import { getProcedureForm } from "@/lib/catalog/procedure-form";
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
    expect(top.offers).toBe(34); // the 34 provinces in force (a retired committee's service is unpublished)
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

describe("catalog filters", () => {
  /** The seeded procedures as the listing sees them (offered by at least one agency). */
  async function procedures(where: string) {
    return db.$queryRawUnsafe<{ code: string }[]>(
      `SELECT p.code FROM procedure p JOIN field fl ON fl.id = p.field_id
       WHERE EXISTS (SELECT 1 FROM service s WHERE s.procedure_id = p.id AND s.published) AND ${where} ORDER BY p.code`,
    );
  }
  const codes = (items: CatalogItem[]) => items.map((i) => i.code.slice(0, 8)).sort();

  it("filters by applicant, level and field together, and counts what it lists", async () => {
    const expected = await procedures(
      `p.online_level = 4 AND fl.slug = 'thanh-lap-va-hoat-dong-cua-doanh-nghiep' AND 'business' = ANY(p.applicants)`,
    );
    expect(expected.length).toBeGreaterThan(2);
    const r = await listCatalog({ level: 4, field: "thanh-lap-va-hoat-dong-cua-doanh-nghiep", applicant: "business" });
    expect(r.total).toBe(expected.length);
    expect(codes(r.items)).toEqual(expected.map((e) => e.code));
    expect(r.items.every((i) => i.onlineLevel === 4 && i.fieldName === "Thành lập và hoạt động của doanh nghiệp")).toBe(true);
  });

  it("separates citizens' procedures from businesses'", async () => {
    const citizens = await listCatalog({ applicant: "individual", q: "khai sinh" });
    expect(citizens.items.map((i) => i.name)).toContain("Đăng ký khai sinh");
    const businesses = await listCatalog({ applicant: "business", q: "khai sinh" });
    expect(businesses.items.map((i) => i.name)).not.toContain("Đăng ký khai sinh");
    const all = await listCatalog({});
    const [ind, bus, both] = await Promise.all([
      procedures(`'individual' = ANY(p.applicants)`),
      procedures(`'business' = ANY(p.applicants)`),
      procedures(`p.applicants @> ARRAY['individual', 'business']`),
    ]);
    expect((await listCatalog({ applicant: "individual" })).total).toBe(ind.length);
    expect((await listCatalog({ applicant: "business" })).total).toBe(bus.length);
    expect(ind.length + bus.length - both.length).toBe(all.total);
  });

  it("filters one agency's services by applicant and level", async () => {
    const r = await listCatalog({ agency: "000.00.00.H29", applicant: "business", level: 4 });
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((i) => i.agencyIdentifier === "000.00.00.H29" && i.onlineLevel === 4)).toBe(true);
    const [row] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM service s JOIN agency a ON a.id = s.agency_id JOIN procedure p ON p.id = s.procedure_id
      WHERE a.identifier = '000.00.00.H29' AND s.published AND s.online_level = 4 AND 'business' = ANY(p.applicants)`;
    expect(r.total).toBe(Number(row!.n));
  });

  it("counts each filter's choices with the other filters kept", async () => {
    const r = await listCatalog({ level: 4, applicant: "business" }, { kind: "first" }, { facets: true });
    const f = r.facets!;
    // The level facet ignores the level filter: level 3 and level 4 add up to the business procedures.
    expect((f.level["3"] ?? 0) + (f.level["4"] ?? 0)).toBe((await listCatalog({ applicant: "business" })).total);
    expect(f.level["4"]).toBe(r.total);
    // The applicant facet ignores the applicant filter.
    expect(f.applicant.individual).toBe((await listCatalog({ level: 4, applicant: "individual" })).total);
    // The field facet keeps both.
    expect(Object.values(f.field).reduce((a, b) => a + b, 0)).toBe(r.total);
    expect(f.field["thanh-lap-va-hoat-dong-cua-doanh-nghiep"]).toBe(
      (await listCatalog({ level: 4, applicant: "business", field: "thanh-lap-va-hoat-dong-cua-doanh-nghiep" })).total,
    );
    // With a search, the counts are of the search's results.
    const s = await listCatalog({ q: "dang ky", applicant: "business" }, { kind: "first" }, { facets: true });
    expect((s.facets!.level["3"] ?? 0) + (s.facets!.level["4"] ?? 0)).toBe(s.total);
  });

  it("answers a combined search and filter query from the indexes", async () => {
    // The listing's own query (lib/catalog/queries.ts, national procedures) for a search with three filters.
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ANALYZE
       SELECT k.id, k.name, o.offers FROM procedure k JOIN field fl ON fl.id = k.field_id
         CROSS JOIN LATERAL (SELECT count(*) AS offers, min(s.code) AS service_code, min(s.agency_id) AS agency_id
                             FROM service s WHERE s.procedure_id = k.id AND s.published) o
         LEFT JOIN agency a ON a.id = o.agency_id
       WHERE o.offers > 0 AND k.online_level = 4 AND fl.slug = 'thanh-lap-va-hoat-dong-cua-doanh-nghiep'
         AND k.applicants @> ARRAY['business']::text[] AND k.search_text LIKE '%' || portal_fold('dang ky') || '%'
       ORDER BY length(k.search_text), k.id LIMIT 20`,
    );
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    if (process.env.SHOW_PLAN) console.log(text);
    // The services of each matching procedure are counted through their index, never by reading the table.
    expect(text).toContain("service_procedure_id_idx");
    expect(text).not.toMatch(/Seq Scan on service/);
    const started = performance.now();
    const r = await listCatalog(
      { q: "dang ky", level: 4, field: "thanh-lap-va-hoat-dong-cua-doanh-nghiep", applicant: "business" },
      { kind: "first" },
      { facets: true },
    );
    if (process.env.SHOW_PLAN) console.log(`listCatalog with facets: ${Math.round(performance.now() - started)} ms, ${r.total} rows`);
    expect(r.total).toBeGreaterThan(0);
  });
});

describe("a procedure's form, for its blank PDF", () => {
  it("reads a service's form addressed to its agency, a procedure's addressed to its implementing agency", async () => {
    const service = await getProcedureForm("1.001193.000.00.00.H29");
    expect(service).toMatchObject({ procedureCode: "1.001193", procedureName: "Đăng ký khai sinh" });
    expect(service!.agencyName).toBe("Ủy ban nhân dân thành phố Hồ Chí Minh");
    expect(service!.definition.steps.flatMap((s) => s.fields).map((f) => f.id)).toContain("treHoTen");
    const procedure = await getProcedureForm("1.001193");
    expect(procedure!.agencyName).toBe("Ủy ban nhân dân cấp xã");
    expect(procedure!.definition).toEqual(service!.definition);
    expect(await getProcedureForm("9.999999")).toBeNull();
  });

  it("gives every procedure a form, its own or the default one", async () => {
    const all = await db.procedure.findMany({ select: { code: true } });
    for (const { code } of all) expect((await getProcedureForm(code))?.definition.steps.length, code).toBeGreaterThan(0);
    // An unpublished service has no page and no form.
    const s = await db.service.update({ where: { code: "1.001193.000.00.00.H29" }, data: { published: false } });
    try {
      expect(await getProcedureForm(s.code)).toBeNull();
    } finally {
      await db.service.update({ where: { id: s.id }, data: { published: true } });
    }
  });
});
