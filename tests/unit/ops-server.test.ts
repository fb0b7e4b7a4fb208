// The custom server's pure parts: which request ids it keeps, and the route label of a request's duration.
import { describe, expect, it } from "vitest";
import { MAX_ROUTE_LABELS, acceptRequestId, routeLabel } from "@/lib/ops/shared.mjs";

const fresh = () => "fresh-id";

describe("acceptRequestId", () => {
  it.each(["abcdefgh", "req-1234.5678_x", "A".repeat(128), "0f8fad5b-d9cb-469f-a165-70867728950e"])("keeps %s", (id) => {
    expect(acceptRequestId(id, fresh)).toBe(id);
  });

  it.each([
    ["absent", undefined],
    ["too short", "abc1234"],
    ["too long", "A".repeat(129)],
    ["with a space", "abc defgh"],
    ["with a slash", "abcdefg/h"],
    ["with a newline", "abcdefgh\nx"],
    ["with a quote", 'abcdefgh"'],
    ["with non-ASCII", "mãyêucầuhoso"],
    ["empty", ""],
  ])("replaces one %s", (_, id) => {
    expect(acceptRequestId(id, fresh)).toBe("fresh-id");
  });

  it("takes the first of repeated headers", () => {
    expect(acceptRequestId(["first-id-1", "second-id-2"], fresh)).toBe("first-id-1");
  });
});

describe("routeLabel", () => {
  it.each([
    ["/", 200, "/"],
    ["/thu-tuc", 200, "/thu-tuc"],
    ["/ho-so-cua-toi/000.00.01.H29-260310-0420", 200, "/ho-so-cua-toi/:id"],
    ["/ho-so-cua-toi/000.00.01.H29-260310-0420/phieu/3", 200, "/ho-so-cua-toi/:id/phieu/:id"],
    ["/api/tai-lieu/0f8fad5b-d9cb-469f-a165-70867728950e", 200, "/api/tai-lieu/:id"],
    ["/co-quan/000.00.00.H29", 200, "/co-quan/:id"],
    ["/thu-tuc/1.004873", 200, "/thu-tuc/:id"],
    ["/can-bo/ho-so/000.00.00.H29-261207-0001", 200, "/can-bo/ho-so/:id"],
    ["/quan-tri/danh-muc-uu-tien/12", 200, "/quan-tri/danh-muc-uu-tien/:id"],
    ["/xac-thuc/a1b2c3d4e5f6a7b8c9d0", 200, "/xac-thuc/:id"],
    ["/tim-kiem/gi%E1%BA%A5y", 200, "/tim-kiem/:id"],
    ["/_next/static/chunks/app-123abc.js", 200, "/_next/static"],
    ["/_next/image", 200, "/_next/image"],
    ["/a/b/c/d/e/f/g/h", 200, "/a/b/c/d/e/f/…"],
  ])("labels %s (%i) as %s", (path, status, label) => {
    expect(routeLabel(path, status)).toBe(label);
  });

  it("groups every path that matched nothing under one label", () => {
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("(not found)");
    expect(routeLabel("/random-9f8e7d6c", 404)).toBe("(not found)");
  });

  it("keeps short words as they are", () => {
    expect(routeLabel("/api/health", 200)).toBe("/api/health");
    expect(routeLabel("/trang-chu/vi", 200)).toBe("/trang-chu/vi");
  });
});

describe("route labels are bounded", () => {
  it("labels paths past MAX_ROUTE_LABELS distinct ones (other), keeping those already seen", () => {
    const first = routeLabel("/ho-so-cua-toi", 307);
    const labels = new Set<string>();
    for (let i = 0; i < MAX_ROUTE_LABELS + 50; i++)
      labels.add(
        routeLabel(
          `/ho-so-cua-toi/${"abcdefghij".slice(0, 1 + (i % 10))}x${String.fromCharCode(97 + (i % 26))}${"q".repeat(Math.floor(i / 26))}`,
          307,
        ),
      );
    expect(labels.size).toBeLessThanOrEqual(MAX_ROUTE_LABELS + 1);
    expect(labels.has("(other)")).toBe(true);
    expect(routeLabel("/ho-so-cua-toi", 307)).toBe(first);
  });
});
