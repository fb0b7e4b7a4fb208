import { describe, expect, it } from "vitest";
import {
  decodeRegisterCursor,
  encodeRegisterCursor,
  pageOf,
  parseRegisterPage,
  REGISTER_PAGE_SIZE,
  registerFilterParams,
} from "@/lib/documents/register-paging";

const ID = "0b7c1c1e-3f0e-4f5a-9d55-8a1f2c3d4e5f";
const key = { at: new Date("2026-12-01T03:04:05.678Z"), id: ID };

describe("register cursors", () => {
  it("round-trip the boundary row", () => {
    expect(decodeRegisterCursor(encodeRegisterCursor(key))).toEqual(key);
  });

  it.each([
    ["not base64url", "%%%"],
    ["empty", ""],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["an object", Buffer.from(JSON.stringify({ at: key.at, id: ID })).toString("base64url")],
    ["three items", Buffer.from(JSON.stringify([key.at.toISOString(), ID, 1])).toString("base64url")],
    ["a bad date", Buffer.from(JSON.stringify(["2026-13-45T00:00:00.000Z", ID])).toString("base64url")],
    ["a date in another form", Buffer.from(JSON.stringify(["2026-12-01", ID])).toString("base64url")],
    ["not a uuid", Buffer.from(JSON.stringify([key.at.toISOString(), "1 OR 1=1"])).toString("base64url")],
    ["too long", "A".repeat(500)],
  ])("refuse %s", (_what, cursor) => {
    expect(decodeRegisterCursor(cursor)).toBeNull();
  });

  it("a tampered cursor asks for the first page and says so", () => {
    expect(parseRegisterPage({ sau: "bad!" })).toEqual({ page: { kind: "first" }, badCursor: true });
    expect(parseRegisterPage({ truoc: encodeRegisterCursor(key) + "x" }).page.kind).toBe("first");
    expect(parseRegisterPage({ sau: encodeRegisterCursor(key) })).toEqual({ page: { kind: "after", ...key }, badCursor: false });
    expect(parseRegisterPage({ truoc: [encodeRegisterCursor(key), "x"] }).page.kind).toBe("before");
    expect(parseRegisterPage({ cuoi: "1" }).page.kind).toBe("last");
    expect(parseRegisterPage({})).toEqual({ page: { kind: "first" }, badCursor: false });
  });

  it("the filters go back into the URL as the form writes them", () => {
    expect(registerFilterParams({ q: "36a", from: "2026-01-01", priority: 0, agency: "000.00.00.G22" })).toEqual({
      q: "36a",
      "tu-ngay": "2026-01-01",
      "do-khan": "0",
      "co-quan": "000.00.00.G22",
    });
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: REGISTER_PAGE_SIZE + 1 }, (_, i) => ({ at: new Date(1_000_000 - i * 1000), id: ID }));
  const keyOf = (r: { at: Date; id: string }) => r;

  it("the first page has a next link and no previous one", () => {
    const p = pageOf({ kind: "first" }, rows, keyOf, 100);
    expect(p.rows).toHaveLength(REGISTER_PAGE_SIZE);
    expect(p.prev).toBeUndefined();
    expect(decodeRegisterCursor(p.next!)).toEqual(rows[REGISTER_PAGE_SIZE - 1]);
  });

  it("a page read backwards is put newest first again", () => {
    const asc = [...rows].reverse();
    const p = pageOf({ kind: "before", ...key }, asc, keyOf, 100);
    expect(p.rows[0]!.at.getTime()).toBeGreaterThan(p.rows[1]!.at.getTime());
    expect(p.next).toBeDefined();
    expect(p.prev).toBeDefined();
    const last = pageOf({ kind: "last" }, asc.slice(0, 3), keyOf, 3);
    expect(last.prev).toBeUndefined();
    expect(last.next).toBeUndefined();
  });
});
