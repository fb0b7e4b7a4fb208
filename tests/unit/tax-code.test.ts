import { describe, expect, it } from "vitest";
import { formatTaxCode, parseTaxCode, taxCodeCheckDigit } from "@/lib/organisations/tax-code";

describe("enterprise / tax codes", () => {
  it("accepts published 10-digit codes and computes their check digit", () => {
    expect(taxCodeCheckDigit("010010910")).toBe(6);
    expect(parseTaxCode("0100109106")).toEqual({ ok: true, digits: "0100109106" });
    expect(parseTaxCode("0314409058")).toEqual({ ok: true, digits: "0314409058" });
  });

  it("accepts a dependent unit written with its dash, and stores digits only", () => {
    expect(parseTaxCode("0100109106-001")).toEqual({ ok: true, digits: "0100109106001" });
    expect(parseTaxCode(" 0100109106 - 012 ")).toEqual({ ok: true, digits: "0100109106012" });
    expect(parseTaxCode("0100109106012")).toEqual({ ok: true, digits: "0100109106012" });
    expect(formatTaxCode("0100109106012")).toBe("0100109106-012");
    expect(formatTaxCode("0100109106")).toBe("0100109106");
  });

  it("refuses a wrong check digit, in the parent part of a unit too", () => {
    expect(parseTaxCode("0100109107")).toEqual({ ok: false, problem: "checkDigit" });
    expect(parseTaxCode("0314409059")).toEqual({ ok: false, problem: "checkDigit" });
    expect(parseTaxCode("0100109105-001")).toEqual({ ok: false, problem: "checkDigit" });
  });

  it("refuses codes of the wrong length or shape, and unit 000", () => {
    for (const bad of ["", "010010910", "01001091061", "010010910600", "01001091060012", "01001O9106", "0100-109106", "0100109106-01"])
      expect(parseTaxCode(bad)).toEqual({ ok: false, problem: "format" });
    expect(parseTaxCode("0100109106-000")).toEqual({ ok: false, problem: "unit" });
  });

  it("takes a check of 10 (sum a multiple of 11) as 0", () => {
    let nine = "";
    for (let n = 100000000; n < 100100000; n++) {
      const s = String(n);
      const sum = [...s].reduce((a, d, i) => a + Number(d) * [31, 29, 23, 19, 17, 13, 7, 5, 3][i]!, 0);
      if (sum % 11 === 0) {
        nine = s;
        break;
      }
    }
    expect(nine).not.toBe("");
    expect(taxCodeCheckDigit(nine)).toBe(0);
    expect(parseTaxCode(`${nine}0`).ok).toBe(true);
  });
});
