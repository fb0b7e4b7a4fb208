// The query rewritten through the synonyms, and the variant markers a query does not ask for. Pure.
import { describe, expect, it } from "vitest";
import { expandQuery, phraseKeyOf, variantMarkersFor } from "@/lib/catalog/query-expansion";

describe("query expansion", () => {
  const synonyms = [
    { phraseKey: "so do", officialKey: "giay chung nhan quyen su dung dat" },
    { phraseKey: "sang ten so do", officialKey: "dang ky bien dong quyen su dung dat" },
    { phraseKey: "cccd", officialKey: "the can cuoc" },
  ];
  it("rewrites whole words only, the longest phrase first", () => {
    expect(expandQuery("Cấp đổi sổ đỏ", synonyms)).toEqual(["cap doi so do", "cap doi giay chung nhan quyen su dung dat"]);
    expect(expandQuery("sang tên sổ đỏ", synonyms)).toEqual(["sang ten so do", "dang ky bien dong quyen su dung dat"]);
    expect(expandQuery("sổ đỏ hay sổ hồng", synonyms)).toEqual(["so do hay so hong", "giay chung nhan quyen su dung dat hay so hong"]);
    expect(expandQuery("cccdx", synonyms)).toEqual(["cccdx"]);
  });
  it("drops punctuation and gives nothing for a query without letters", () => {
    expect(expandQuery("  CCCD!! ", synonyms)).toEqual(["cccd", "the can cuoc"]);
    expect(expandQuery("%%%", synonyms)).toEqual([]);
  });
});

describe("variant markers", () => {
  it("leaves out the markers the query itself holds", () => {
    expect(variantMarkersFor(["tam tru"])).toContain("gia han");
    expect(variantMarkersFor(["gia han tam tru"])).not.toContain("gia han");
    expect(variantMarkersFor(["cap lai can cuoc"])).not.toContain("cap lai");
  });
  it("keys a phrase by its folded words", () => {
    expect(phraseKeyOf("  Sổ  Đỏ! ")).toBe("so do");
  });
});
