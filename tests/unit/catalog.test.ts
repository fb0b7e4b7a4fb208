import { describe, expect, it } from "vitest";
import { cleanQuery, fold, slugify } from "@/lib/catalog/fold";
import { FormDefinition } from "@/lib/forms/definition";
import { defaultFormDefinition } from "@/lib/forms/default-form";
import { parseCatalogParams } from "@/lib/catalog/params";

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
