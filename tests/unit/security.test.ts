import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next";
import { can, homeFor, PERMISSIONS } from "@/lib/auth/permissions";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe("content security policy", () => {
  it("has no unsafe-eval in production and forbids framing", () => {
    const csp = contentSecurityPolicy(false);
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
