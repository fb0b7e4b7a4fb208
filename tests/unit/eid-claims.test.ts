import { describe, expect, it } from "vitest";
import { acrOf, askedLevel, checkAcr, identityFromClaims, levelOfAcr } from "@/lib/auth/eid-claims";

const claims = {
  sub: "demo-vneid-0002",
  name: "  Phạm   Quốc Huy ",
  birthdate: "1985-11-03",
  personal_identification_number: "001085067890",
  address: { formatted: "25 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội", country: "VN" },
  phone_number: "+84 987 654 321",
};

describe("e-ID levels (acr)", () => {
  it("reads the two known values and nothing else", () => {
    expect(levelOfAcr("LoA1")).toBe(1);
    expect(levelOfAcr("LoA2")).toBe(2);
    for (const v of [undefined, null, "", "loa2", "LoA3", 2, "urn:mace:incommon:iap:silver"]) expect(levelOfAcr(v)).toBeNull();
    expect(acrOf(1)).toBe("LoA1");
    expect(acrOf(2)).toBe("LoA2");
  });

  it("takes the strongest level asked, level 1 by default", () => {
    expect(askedLevel(undefined)).toBe(1);
    expect(askedLevel("nonsense")).toBe(1);
    expect(askedLevel("LoA1")).toBe(1);
    expect(askedLevel("LoA1 LoA2")).toBe(2);
    expect(askedLevel("LoA2")).toBe(2);
  });

  it("refuses a token whose level is missing, unknown or lower than asked", () => {
    expect(checkAcr(undefined, 1)).toEqual({ ok: false, reason: "acr_missing" });
    expect(checkAcr("gold", 1)).toEqual({ ok: false, reason: "acr_missing" });
    expect(checkAcr("LoA1", 2)).toEqual({ ok: false, reason: "acr_too_low" });
    expect(checkAcr("LoA2", 1)).toEqual({ ok: true, level: 2 });
    expect(checkAcr("LoA2", 2)).toEqual({ ok: true, level: 2 });
    expect(checkAcr("LoA1", 1)).toEqual({ ok: true, level: 1 });
  });
});

describe("e-ID claims into the account's fields", () => {
  it("maps the person: name tidied, address from its formatted text, phone in the domestic form, no e-mail", () => {
    const r = identityFromClaims(claims);
    expect(r).toEqual({
      ok: true,
      identity: {
        subject: "demo-vneid-0002",
        fullName: "Phạm Quốc Huy",
        cccd: "001085067890",
        dateOfBirth: "1985-11-03",
        address: "25 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội",
        phone: "0987654321",
        email: null,
      },
    });
  });

  it("takes a plain-text address and a well-formed verified e-mail; drops an unreadable phone", () => {
    const r = identityFromClaims({ ...claims, address: "Hà Nội", email: "Huy@Example.VN", email_verified: true, phone_number: "gọi tôi" });
    expect(r.ok && r.identity).toMatchObject({ address: "Hà Nội", email: "huy@example.vn", phone: null });
    const bad = identityFromClaims({ ...claims, email: "not-an-address", email_verified: true });
    expect(bad.ok && bad.identity.email).toBeNull();
  });

  it("drops an e-mail the e-ID does not say it verified", () => {
    for (const email_verified of [undefined, false, "true", 1]) {
      const r = identityFromClaims({ ...claims, email: "huy@example.vn", email_verified });
      expect(r.ok && r.identity.email).toBeNull();
    }
  });

  it("refuses a token without a subject, a name, a 12-digit number or a real past date of birth", () => {
    expect(identityFromClaims({ ...claims, sub: undefined })).toEqual({ ok: false, missing: "sub" });
    expect(identityFromClaims({ ...claims, name: " " })).toEqual({ ok: false, missing: "name" });
    expect(identityFromClaims({ ...claims, personal_identification_number: "00108506789" })).toEqual({
      ok: false,
      missing: "personal_identification_number",
    });
    expect(identityFromClaims({ ...claims, personal_identification_number: 1085067890 })).toMatchObject({ ok: false });
    expect(identityFromClaims({ ...claims, birthdate: "1985-02-30" })).toEqual({ ok: false, missing: "birthdate" });
    expect(identityFromClaims({ ...claims, birthdate: "2999-01-01" })).toEqual({ ok: false, missing: "birthdate" });
  });
});

describe("the sign-in page may send the browser to the e-ID", () => {
  it("allows the issuer's origin as a form target, and nothing when it is unset or not http(s)", async () => {
    const { contentSecurityPolicy } = await import("@/lib/security/headers");
    const formAction = (eidIssuer?: string) =>
      contentSecurityPolicy({ nonce: "x", dev: false, eidIssuer })
        .split("; ")
        .find((d) => d.startsWith("form-action"));
    expect(formAction()).toBe("form-action 'self'");
    expect(formAction("https://vneid.example.vn/oidc/")).toBe("form-action 'self' https://vneid.example.vn");
    expect(formAction("javascript:alert(1)")).toBe("form-action 'self'");
    expect(formAction("not a url")).toBe("form-action 'self'");
  });
});
