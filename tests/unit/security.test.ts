import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next";
import { can, homeFor, PERMISSIONS } from "@/lib/auth/permissions";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe("content security policy", () => {
  it("has no unsafe-eval in production and forbids framing", () => {
    const csp = contentSecurityPolicy({ nonce: "bm9uY2U=", dev: false });
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe("permissions", () => {
  it("gives each role only its own areas", () => {
    expect(can({ role: "CITIZEN" }, "workspace.read")).toBe(false);
    expect(can({ role: "CITIZEN" }, "admin.read")).toBe(false);
    expect(can({ role: "OFFICER" }, "workspace.read")).toBe(true);
    expect(can({ role: "OFFICER" }, "agency.manageOfficers")).toBe(false);
    expect(can({ role: "AGENCY_ADMIN" }, "agency.manageOfficers")).toBe(true);
    expect(can({ role: "VPCP_ADMIN" }, "admin.read")).toBe(true);
    expect(can(null, "dossier.file")).toBe(false);
  });
  it("sends every role home", () => {
    for (const role of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(homeFor(role)).toMatch(/^\//);
  });
});

describe("redirect after sign-in", () => {
  it.each([
    ["/ho-so-cua-toi", "/ho-so-cua-toi"],
    ["/thu-tuc?q=a", "/thu-tuc?q=a"],
    ["//evil.example", null],
    ["https://evil.example", null],
    ["/\\evil.example", null],
    ["/api/auth/signout", null],
    [null, null],
  ])("%s → %s", (input, out) => expect(safeNextPath(input)).toBe(out));
});

// Finding: "/%09/evil.example" (a tab the browser drops) and similar vectors left the portal after sign-in and
// from the simulated bank's return link (both go through safeNextPath).
describe("open redirect: next after sign-in and the bank's return link stay on the portal", () => {
  const vectors = [
    decodeURIComponent("%2F%09%2Fevil.example"),
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    " /evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    "/a/../api/auth/signout",
    `/${"a".repeat(600)}`,
  ];
  it.each(vectors)("%j is refused", (v) => expect(safeNextPath(v)).toBeNull());
  it.each(vectors)("%j, followed as the bank's return link, stays on the portal", (v) => {
    const back = new URL(safeNextPath(v) ?? "/ho-so-cua-toi", "http://portal.invalid");
    expect(back.origin).toBe("http://portal.invalid");
    expect(new URL(`${back.pathname}${back.search}`, "https://dichvucong.example").origin).toBe("https://dichvucong.example");
  });
  it("keeps an ordinary path with its query and fragment", () => {
    expect(safeNextPath("/ho-so-cua-toi/H01.01-260101-0001?thanh-toan=1#ket-qua")).toBe(
      "/ho-so-cua-toi/H01.01-260101-0001?thanh-toan=1#ket-qua",
    );
  });
});
