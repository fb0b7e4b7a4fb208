// orPageError: what lib/ answered becomes the page to show, in one place (lib/errors/page.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { failure, type ActionResult } from "@/lib/errors/app-error";
import { orPageError } from "@/lib/errors/page";

beforeAll(() => {
  // forbidden() and unauthorized() need Next's auth interrupts, which the app config turns on.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

/** The digest Next gives the error a navigation helper throws (it picks the page to render). */
function digestOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return String((err as { digest?: unknown }).digest);
  }
  return "returned";
}

describe("orPageError", () => {
  it("gives the data of a success or of a found lookup", () => {
    const ok: ActionResult<{ n: number }> = { ok: true, data: { n: 1 } };
    expect(orPageError(ok)).toEqual({ n: 1 });
    expect(orPageError({ code: "000.00.00.H29-260101-0001" })).toEqual({ code: "000.00.00.H29-260101-0001" });
  });

  it("maps a missing lookup and each expected failure to its page", () => {
    expect(digestOf(() => orPageError(null))).toContain("404");
    expect(digestOf(() => orPageError(failure("not_found", "Không tìm thấy hồ sơ.", "dossier_not_found")))).toContain("404");
    expect(digestOf(() => orPageError(failure("forbidden", "Không có quyền.")))).toContain("403");
    expect(digestOf(() => orPageError(failure("unauthenticated", "Phiên đã hết.")))).toContain("401");
    expect(digestOf(() => orPageError(failure("unauthenticated", "Phiên đã hết."), "/ho-so-cua-toi"))).toContain(
      "/dang-nhap?next=%2Fho-so-cua-toi",
    );
  });

  it("throws anything else to the error page with its code", () => {
    expect(() => orPageError(failure("conflict", "Hồ sơ vừa thay đổi.", "dossier.changed"))).toThrow("dossier.changed");
  });
});
