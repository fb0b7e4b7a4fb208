import { describe, expect, it } from "vitest";
import { cleanQuery, fold, slugify } from "@/lib/catalog/fold";
import { FormDefinition } from "@/lib/forms/definition";
import { defaultFormDefinition } from "@/lib/forms/default-form";
import { catalogHref, isCanonical, parseCatalogParams, type SearchParams } from "@/lib/catalog/params";

describe("folding Vietnamese text", () => {
  it("removes diacritics and đ", () => {
    expect(fold("Đăng ký khai sinh")).toBe("dang ky khai sinh");
    expect(fold("Cấp Phiếu lý lịch tư pháp")).toBe("cap phieu ly lich tu phap");
    expect(fold("Hòa Bình, Thừa Thiên Huế")).toBe("hoa binh, thua thien hue");
  });
  it("makes slugs", () => expect(slugify("Giao thông vận tải – Đường bộ")).toBe("giao-thong-van-tai-duong-bo"));
  it("cleans queries", () => expect(cleanQuery("  dang   ky \n khai sinh ")).toBe("dang ky khai sinh"));
});

describe("catalog URL parameters", () => {
  it("reads filters and ignores junk", () => {
    const r = parseCatalogParams({ q: " ly lich ", "co-quan": "000.00.00.H29", "linh-vuc": "ho-tich", "muc-do": "4", cap: "xa" });
    expect(r.filters).toEqual({ q: "ly lich", agency: "000.00.00.H29", field: "ho-tich", level: 4, implementing: "COMMUNE" });
    const junk = parseCatalogParams({ "co-quan": "'; drop table", "muc-do": "9", cap: "moon", "linh-vuc": "<script>" });
    expect(junk.filters).toEqual({ q: undefined, agency: undefined, field: undefined, level: undefined, implementing: undefined });
  });
  it("reads the page request", () => {
    expect(parseCatalogParams({ cuoi: "1" }).page).toEqual({ kind: "last" });
    expect(parseCatalogParams({ sau: "abc" }).page).toEqual({ kind: "after", cursor: "abc" });
    expect(parseCatalogParams({ trang: "3" }).page).toEqual({ kind: "page", page: 3 });
    expect(parseCatalogParams({}).page).toEqual({ kind: "first" });
  });
  it("reads the applicant: citizen or business", () => {
    expect(parseCatalogParams({ "doi-tuong": "cong-dan" }).filters.applicant).toBe("individual");
    expect(parseCatalogParams({ "doi-tuong": "doanh-nghiep" }).filters.applicant).toBe("business");
    expect(parseCatalogParams({ "doi-tuong": "business" }).filters.applicant).toBeUndefined();
    // Not an own key of the slug table: prototype names are not slugs.
    expect(parseCatalogParams({ "doi-tuong": "constructor", cap: "__proto__" }).filters).toEqual({});
  });
  it("combines every filter, and writes them back as one canonical link", () => {
    const sp = { q: "dang ky", "muc-do": "4", "linh-vuc": "ho-tich", "doi-tuong": "doanh-nghiep", "co-quan": "000.00.00.H29", cap: "tinh" };
    const { filters, page, params } = parseCatalogParams(sp);
    expect(filters).toEqual({
      q: "dang ky",
      level: 4,
      field: "ho-tich",
      applicant: "business",
      agency: "000.00.00.H29",
      implementing: "PROVINCE",
    });
    expect(params["doi-tuong"]).toBe("doanh-nghiep");
    expect(catalogHref(filters, page)).toBe(
      "/thu-tuc?q=dang+ky&muc-do=4&doi-tuong=doanh-nghiep&linh-vuc=ho-tich&co-quan=000.00.00.H29&cap=tinh",
    );
    // The same parameters in another order: one link per listing, so not canonical.
    expect(isCanonical(sp, filters, page)).toBe(false);
    const href = catalogHref(filters, page);
    expect(isCanonical(Object.fromEntries(new URLSearchParams(href.split("?")[1])), filters, page)).toBe(true);
    expect(catalogHref({})).toBe("/thu-tuc");
    expect(catalogHref({ level: 3 }, { kind: "last" })).toBe("/thu-tuc?muc-do=3&cuoi=1");
    // A page number only means something for a search.
    expect(catalogHref({ level: 3 }, { kind: "page", page: 2 })).toBe("/thu-tuc?muc-do=3");
    expect(catalogHref({ q: "a" }, { kind: "page", page: 2 })).toBe("/thu-tuc?q=a&trang=2");
  });
  it("sends what a GET form submits (empty selects, padded search) to the clean link", () => {
    const sp = { q: "  ly  lich ", "muc-do": "4", "linh-vuc": "", "doi-tuong": "", "co-quan": "", cap: "" };
    const { filters, page } = parseCatalogParams(sp);
    expect(isCanonical(sp, filters, page)).toBe(false);
    expect(catalogHref(filters, page)).toBe("/thu-tuc?q=ly+lich&muc-do=4");
    const clean = { q: "ly lich", "muc-do": "4" };
    expect(isCanonical(clean, parseCatalogParams(clean).filters, parseCatalogParams(clean).page)).toBe(true);
  });

  // Fuzz: whatever the query string, parsing never throws, the filters are valid values or absent, and the
  // canonical link of the result is itself canonical (no redirect loop).
  const junk: SearchParams[] = [
    { "muc-do": ["4", "3"], "linh-vuc": ["ho-tich", "x"] },
    { "muc-do": "4.0" },
    { "muc-do": " 4" },
    { "muc-do": "-4", "doi-tuong": "DOANH-NGHIEP" },
    { q: "x".repeat(10_000) },
    { q: "'; DROP TABLE procedure; --", "co-quan": "000.00.00.H29'" },
    { "linh-vuc": "a".repeat(81) },
    { "linh-vuc": "ho tich" },
    { "co-quan": "000.00.00.H2" },
    { trang: "1e309" },
    { trang: "99999999999999999999" },
    { trang: "-3" },
    { trang: "2", q: "a" },
    { sau: "!!!" },
    { sau: "a".repeat(5000) },
    { truoc: "eyJ" },
    { cuoi: "" },
    { cuoi: "0" },
    { "muc-do": "%34" },
    { "doi-tuong": "c\u00f4ng-d\u00e2n" },
    { q: "\u0000" },
    { khac: "1", utm_source: "x" },
  ];
  it.each(junk)("ignores what it does not understand: %j", (sp) => {
    const { filters, page } = parseCatalogParams(sp);
    expect([undefined, 3, 4]).toContain(filters.level);
    expect([undefined, "individual", "business"]).toContain(filters.applicant);
    expect(filters.field === undefined || /^[a-z0-9-]{1,80}$/.test(filters.field)).toBe(true);
    expect((filters.q ?? "").length).toBeLessThanOrEqual(120);
    if (page.kind === "page") expect(page.page).toBeLessThanOrEqual(50);
    const href = catalogHref(filters, page);
    const again = Object.fromEntries(new URLSearchParams(href.split("?")[1] ?? ""));
    const reparsed = parseCatalogParams(again);
    expect(isCanonical(again, reparsed.filters, reparsed.page)).toBe(true);
    expect(catalogHref(reparsed.filters, reparsed.page)).toBe(href);
  });
});

describe("form definitions", () => {
  it("builds a valid default form with one upload per paper to submit", () => {
    const def = defaultFormDefinition([
      { name: "Tờ khai", kind: "submit" },
      { name: "CCCD", kind: "show" },
      { name: "Giấy chứng sinh", kind: "submit" },
    ]);
    const uploads = def.steps.flatMap((s) => s.fields).filter((f) => f.type === "file");
    expect(uploads.map((f) => [f.label, f.component])).toEqual([
      ["Tờ khai", 0],
      ["Giấy chứng sinh", 2],
    ]);
  });
  it("refuses duplicate ids, options-less selects and dangling conditions", () => {
    const base = { version: 1, steps: [{ id: "a", title: "A", fields: [{ id: "x", type: "text", label: "X" }] }] };
    expect(FormDefinition.safeParse(base).success).toBe(true);
    const dup = { ...base, steps: [{ ...base.steps[0], fields: [...base.steps[0]!.fields, { id: "x", type: "text", label: "Y" }] }] };
    expect(FormDefinition.safeParse(dup).success).toBe(false);
    const sel = { ...base, steps: [{ ...base.steps[0], fields: [{ id: "s", type: "select", label: "S" }] }] };
    expect(FormDefinition.safeParse(sel).success).toBe(false);
    const cond = {
      ...base,
      steps: [{ ...base.steps[0], fields: [{ id: "c", type: "text", label: "C", showWhen: { field: "nope", equals: "1" } }] }],
    };
    expect(FormDefinition.safeParse(cond).success).toBe(false);
  });
});
