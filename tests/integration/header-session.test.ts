// The site header's signed-in part comes from GET /api/phien (the header itself is the same for every
// visitor, so public pages can be cached): nobody, a citizen, an officer and the VPCP admin each get
// their name and exactly the menu entries their permissions open, never cached.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/phien/route";
import { signInAs, signInCitizen } from "../support/filing";
import { request } from "../support/request";

async function header() {
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  return (await res.json()) as { user: null | Record<string, unknown> };
}

describe("GET /api/phien", () => {
  it("answers null for an anonymous visitor", async () => {
    request.sessionId = undefined;
    expect(await header()).toEqual({ user: null });
  });

  it("gives each role its name and menu entries", async () => {
    await signInCitizen();
    expect((await header()).user).toEqual({
      fullName: expect.any(String),
      myDossiers: true,
      workspace: false,
      documents: false,
      admin: false,
      secondFactor: false,
      unread: expect.any(Number),
    });
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect((await header()).user).toMatchObject({
      myDossiers: false,
      workspace: true,
      documents: true,
      admin: false,
      secondFactor: true,
      unread: null,
    });
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    expect((await header()).user).toMatchObject({ myDossiers: false, workspace: false, documents: true, admin: true });
    request.sessionId = undefined;
  });
});
