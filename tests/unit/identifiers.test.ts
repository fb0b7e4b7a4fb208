import { describe, expect, it } from "vitest";
import { isAgencyIdentifier, parseAgencyIdentifier, topLevelIdentifier } from "@/lib/agencies/identifier";
import { checkCccd, parseCccd } from "@/lib/identity/cccd";
import { normaliseMobile } from "@/lib/identity/phone";

describe("QCVN 102 agency identifiers", () => {
  it("reads the levels right to left", () => {
    expect(parseAgencyIdentifier("000.00.18.G12")).toEqual({ level1: "G12", level2: "18", level3: "00", level4: "000", branch: "central" });
    expect(parseAgencyIdentifier("000.00.00.H29")?.branch).toBe("province");
    expect(topLevelIdentifier("000.00.18.G12")).toBe("000.00.00.G12");
  });
  it.each(["000.00.00.G22", "000.00.01.H29", "123.45.67.A01"])("accepts %s", (id) => expect(isAgencyIdentifier(id)).toBe(true));
  it.each(["", "G22", "000.00.00.g22", "000.00.00.G2", "0000.00.00.G22", "000.00.00.G222", "000-00-00-G22", "000.00.00.22G"])(
    "rejects %j",
    (id) => expect(isAgencyIdentifier(id)).toBe(false),
  );
});

describe("CCCD", () => {
  it("decodes province, sex and century", () => {
    expect(parseCccd("079190012345")).toEqual({ ok: true, info: { provinceCode: "79", sex: "female", birthYear2: 90, century: 1900 } });
    expect(parseCccd("001205000001")).toEqual({ ok: true, info: { provinceCode: "01", sex: "male", birthYear2: 5, century: 2000 } });
  });
  it("checks the birth year against the date of birth", () => {
    expect(checkCccd("079190012345", "1990-05-12")).toBeNull();
    expect(checkCccd("001205000001", "2005-01-31")).toBeNull();
    expect(checkCccd("079190012345", "1991-05-12")).toBe("birthYear");
    expect(checkCccd("079290012345", "1990-05-12")).toBe("century");
    expect(checkCccd("001205000001", "1905-01-31")).toBe("century");
  });
  it("rejects malformed numbers and unknown provinces", () => {
    expect(checkCccd("07919001234")).toBe("format");
    expect(checkCccd("07919001234a")).toBe("format");
    expect(checkCccd("003190012345")).toBe("province"); // 03 is not a province code
    expect(checkCccd("179190012345")).toBe("province"); // must start with 0
  });
});

describe("mobile numbers", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["091 234 5678", "0912345678"],
    ["0381234567", "0381234567"],
  ])("accepts %s", (input, out) => expect(normaliseMobile(input)).toBe(out));
  it.each(["0212345678", "091234567", "09123456789", "84912345678", "+8412345678", "abc"])("rejects %s", (input) =>
    expect(normaliseMobile(input)).toBeNull(),
  );
});
