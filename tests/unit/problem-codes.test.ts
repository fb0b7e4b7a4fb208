// Every stable code the agency API can answer with has its explanation, in Vietnamese and English, in the one
// table (lib/errors/messages.ts) that /tai-lieu-api lists and where the problem's `type` links: the codes raised
// by lib/documents, lib/sync, lib/api, app/api and the door, and every kind (the code of a refusal that names
// no rule of its own). Issue 18: the messages in both languages.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { toProblem } from "@/lib/errors/problem";
import { API_ERROR_MESSAGES, KIND_TITLES, apiLanguage } from "@/lib/errors/messages";

const listed = new Set(Object.keys(API_ERROR_MESSAGES));
/** Vietnamese letters: đ, or a base letter with a diacritic (decomposed). */
const VIETNAMESE = { test: (s: string) => /[đĐ]|[\u0300-\u036f]/.test(s.normalize("NFD")) };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** The stable codes written in a source: the last string argument of an error's constructor or builder. */
function raisedCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(/new (?:AppError|AppError)\(([\s\S]*?)\)(?:\.toFailure\(\))?;/g)) {
    const last = /"([a-z_]+)"\s*,?\s*$/.exec(m[1]!.trim());
    const args = m[1]!.split(",").length;
    if (last && args >= 4) codes.add(last[1]!);
  }
  for (const m of text.matchAll(/failure\("[a-z_]+",[^;]*?,\s*"([a-z_]+)"\)/g)) codes.add(m[1]!);
  for (const m of text.matchAll(/invalidRequest\("([a-z_]+)"/g)) codes.add(m[1]!);
  return [...codes];
}

describe("the API's problem codes", () => {
  const files = [...sources("lib/documents"), ...sources("lib/sync"), ...sources("lib/api"), ...sources("app/api"), "lib/auth/door.ts"];
  const raised = [...new Set(files.flatMap((f) => raisedCodes(fs.readFileSync(f, "utf8"))))].sort();

  it("finds the codes the rules raise (the scan itself works)", () => {
    expect(raised).toEqual(
      expect.arrayContaining([
        "number_used",
        "unknown_recipient",
        "foreign_sender",
        "concurrent_change",
        "invalid_query",
        // lib/sync (issue 17)
        "code_taken",
        "idempotency_key_missing",
        "invalid_body",
      ]),
    );
  });

  it("gives every code (every Failure kind and every code raised) in both languages, English not Vietnamese", () => {
    for (const code of [...raised, ...Object.keys(HTTP_STATUS)]) {
      const m = (API_ERROR_MESSAGES as Record<string, { vi: string; en: string } | undefined>)[code];
      expect(m, code).toBeDefined();
      expect(m!.vi.trim(), code).not.toBe("");
      expect(m!.en.trim(), code).not.toBe("");
      expect(VIETNAMESE.test(m!.vi), `${code} (vi)`).toBe(true);
      expect(VIETNAMESE.test(m!.en), `${code} (en)`).toBe(false);
      expect(m!.en).not.toBe(code);
    }
    for (const [kind, title] of Object.entries(KIND_TITLES)) {
      expect(VIETNAMESE.test(title.vi), kind).toBe(true);
      expect(VIETNAMESE.test(title.en), kind).toBe(false);
    }
  });

  it("carries both languages, and English title/detail when asked for", () => {
    const f = {
      ok: false as const,
      code: "conflict" as const,
      reason: "number_used",
      message: "Số văn bản đã dùng.",
      fieldErrors: { code: "Số đã dùng." },
    };
    expect(toProblem(f)).toMatchObject({
      title: "Xung đột dữ liệu",
      detail: "Số văn bản đã dùng.",
      code: "number_used",
      messages: API_ERROR_MESSAGES.number_used,
      errors: [{ field: "code", message: "Số đã dùng.", messages: { vi: "Số đã dùng.", en: "code: invalid or missing value." } }],
    });
    expect(toProblem(f, undefined, "en")).toMatchObject({
      title: "Conflict",
      detail: API_ERROR_MESSAGES.number_used.en,
      code: "number_used",
      messages: API_ERROR_MESSAGES.number_used,
    });
    // A code of another module passed through takes its kind's words.
    expect(toProblem({ ...f, reason: "some_dossier_rule" }, undefined, "en").detail).toBe(API_ERROR_MESSAGES.conflict.en);
  });

  it("reads Accept-Language", () => {
    expect(apiLanguage(null)).toBe("vi");
    expect(apiLanguage("en")).toBe("en");
    expect(apiLanguage("en-US,en;q=0.9")).toBe("en");
    expect(apiLanguage("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi");
    expect(apiLanguage("fr, en;q=0.5")).toBe("en");
    expect(apiLanguage("en;q=0, vi")).toBe("vi");
    expect(apiLanguage("de")).toBe("vi");
  });

  it("explains every code raised and every kind on the API reference page", () => {
    const missing = [...raised, ...Object.keys(HTTP_STATUS)].filter((c) => !listed.has(c));
    expect(missing).toEqual([]);
  });

  it("links a problem's type to its code's anchor", () => {
    const p = toProblem(
      { ok: false, code: "conflict", reason: "number_used", message: "…", fieldErrors: { code: "…" } },
      "/api/v1/van-ban",
    );
    expect(p).toMatchObject({ type: "/tai-lieu-api#loi-number_used", status: 409, code: "number_used", errors: [{ field: "code" }] });
  });
});
