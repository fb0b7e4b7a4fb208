// Tests the Vietnamese reading of đồng amounts printed under the figures on fee receipts.
import { describe, expect, it } from "vitest";
import { amountInWords } from "@/lib/money/words";

describe("amountInWords", () => {
  it.each([
    [0, "Không đồng"],
    [1, "Một đồng"],
    [5, "Năm đồng"],
    [10, "Mười đồng"],
    [11, "Mười một đồng"],
    [14, "Mười bốn đồng"],
    [15, "Mười lăm đồng"],
    [20, "Hai mươi đồng"],
    [21, "Hai mươi mốt đồng"],
    [24, "Hai mươi bốn đồng"],
    [25, "Hai mươi lăm đồng"],
    [55, "Năm mươi lăm đồng"],
    [99, "Chín mươi chín đồng"],
    [100, "Một trăm đồng"],
    [101, "Một trăm linh một đồng"],
    [105, "Một trăm linh năm đồng"],
    [110, "Một trăm mười đồng"],
    [115, "Một trăm mười lăm đồng"],
    [211, "Hai trăm mười một đồng"],
    [999, "Chín trăm chín mươi chín đồng"],
    [1000, "Một nghìn đồng"],
    [1001, "Một nghìn không trăm linh một đồng"],
    [1010, "Một nghìn không trăm mười đồng"],
    [1100, "Một nghìn một trăm đồng"],
    [2004, "Hai nghìn không trăm linh bốn đồng"],
    [10_000, "Mười nghìn đồng"],
    [15_000, "Mười lăm nghìn đồng"],
    [21_000, "Hai mươi mốt nghìn đồng"],
    [50_500, "Năm mươi nghìn năm trăm đồng"],
    [100_000, "Một trăm nghìn đồng"],
    [105_000, "Một trăm linh năm nghìn đồng"],
    [1_000_000, "Một triệu đồng"],
    [1_000_005, "Một triệu không trăm linh năm đồng"],
    [1_005_000, "Một triệu không trăm linh năm nghìn đồng"],
    [1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"],
    [30_000_000, "Ba mươi triệu đồng"],
    [1_000_000_000, "Một tỷ đồng"],
    [1_000_000_001, "Một tỷ không trăm linh một đồng"],
    [2_000_500_000, "Hai tỷ năm trăm nghìn đồng"],
    [3_000_050_000, "Ba tỷ không trăm năm mươi nghìn đồng"],
    [1_000_000_000_000, "Một nghìn tỷ đồng"],
    [2_500_000_000_000, "Hai nghìn năm trăm tỷ đồng"],
    [123_456_789, "Một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín đồng"],
  ])("%i → %s", (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it("reads a full safe-integer amount", () => {
    expect(amountInWords(9_007_199_254_740_991)).toBe(
      "Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ " +
        "hai trăm năm mươi bốn triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng",
    );
  });

  it("rejects what is not a whole, non-negative, exactly representable amount", () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});
