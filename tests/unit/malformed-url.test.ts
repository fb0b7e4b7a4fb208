import { describe, expect, it } from "vitest";
import { decodeSegment, isMalformedUrl, isOverlongPath } from "@/lib/http/segment";

const at = (pathAndQuery: string) => new URL(pathAndQuery, "http://portal.invalid");

// Finding: /can-bo/ho-so/%25/phieu-kiem-soat/pdf and /trang-chu/%E0%A4%A answered 500 (URIError decoding the
// segment), and /thu-tuc?q=%00 answered 500 (PostgreSQL refuses NUL in text).
describe("malformed URLs are refused at the door, not 500", () => {
  it.each([
    "/thu-tuc/%",
    "/trang-chu/%E0%A4%A",
    "/co-quan/%C0%AF",
    "/co-quan/%C0%80",
    "/ho-so-cua-toi/%00",
    "/thu-tuc?q=%00",
    "/thu-tuc?q=a%00b",
    "/x?%01=1",
  ])("%s is malformed", (u) => expect(isMalformedUrl(at(u))).toBe(true));
  it.each([
    "/",
    "/thu-tuc?q=gi%E1%BA%A5y+ph%C3%A9p",
    "/can-bo/ho-so/%25",
    "/thu-tuc?q=%25",
    "/co-quan/000.00.00.H29",
    "/thu-tuc?q=%E0%A4%A",
  ])("%s is fine", (u) => expect(isMalformedUrl(at(u))).toBe(false));
  it("decodes a segment once, or answers null", () => {
    expect(decodeSegment("H29.22-260101-0001")).toBe("H29.22-260101-0001");
    expect(decodeSegment("%25")).toBe("%");
    expect(decodeSegment("%")).toBeNull();
    expect(decodeSegment("%E0%A4%A")).toBeNull();
  });

  it("refuses a path segment longer than any the portal names (the page cache cannot store it)", () => {
    expect(isOverlongPath(new URL(`http://x/thu-tuc/${"a".repeat(10_000)}`))).toBe(true);
    expect(isOverlongPath(new URL(`http://x/thu-tuc/${"a".repeat(256)}`))).toBe(true);
    expect(isOverlongPath(new URL(`http://x/thu-tuc/${"a".repeat(255)}`))).toBe(false);
    expect(isOverlongPath(new URL("http://x/can-bo/ho-so/000.00.00.H29-261127-0001"))).toBe(false);
  });
});
