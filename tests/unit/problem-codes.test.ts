// Every stable code the agency API can answer with has its explanation on /tai-lieu-api, where the
// problem's `type` links: the codes raised by lib/documents, lib/api and the door, and every kind (the code
// of a refusal that names no rule of its own).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { toProblem } from "@/lib/errors/problem";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";

const listed = new Set(Object.keys(documentExchangeText.problemCodes));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
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
  const files = [...sources("lib/documents"), ...sources("lib/api"), "lib/auth/door.ts"];
  const raised = [...new Set(files.flatMap((f) => raisedCodes(fs.readFileSync(f, "utf8"))))].sort();

  it("finds the codes the rules raise (the scan itself works)", () => {
    expect(raised).toEqual(
      expect.arrayContaining(["number_used", "unknown_recipient", "foreign_sender", "concurrent_change", "invalid_query"]),
    );
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
