// Internal codes never reach a reader (issue 18): every action the code can write to the audit trail, every kind
// of thing it is about, every outcome, role, kind of actor and limit, and the connection states and record kinds
// the admin pages and the open data show, have words, and no word is its own code. The closed lists themselves are
// checked against the sources: each use case's name, each direct entry's action and entity (lib/**, prisma/**).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ACTOR_KINDS, AUDIT_ENTITY_TYPES, AUDIT_EVENTS, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import { ALL_PERMISSIONS, PERMISSIONS, type Role } from "@/lib/auth/permissions";
import {
  auditActionLabel,
  auditActionText,
  auditActorKindText,
  auditEntityLabel,
  auditEntityText,
  auditOutcomeText,
  rateLimitText,
  roleText,
} from "@/lib/i18n/vi/audit";
import { integrationText } from "@/lib/i18n/vi/monitoring";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.includes("generated") ? [] : sources(p);
    return /\.tsx?$/.test(p) ? [p] : [];
  });
}

const files = [...sources("lib"), ...sources("app"), ...sources("prisma")].map((f) => ({ f, text: fs.readFileSync(f, "utf8") }));

/** Codes shaped like `resource.action` or SHOUTING_CASE: what a reader must never be shown. */
const CODE_LIKE = /^[a-z]+(\.[a-zA-Z-]+)+$|^[A-Z_]{4,}$|^[a-z]+_[a-z_]+$/;

function expectWords(map: Record<string, string>, codes: readonly string[]) {
  for (const code of codes) {
    const words = map[code];
    expect(words, code).toBeTruthy();
    expect(words!.trim(), code).not.toBe(code);
    expect(CODE_LIKE.test(words!), `${code} → ${words}`).toBe(false);
  }
  // No label for a code that no longer exists (a stale entry is a code the reader could be shown under the wrong words).
  expect(Object.keys(map).sort()).toEqual([...new Set(codes)].sort());
}

describe("the audit trail's codes", () => {
  it("lists every use case name and every action written outside a use case", () => {
    const written = new Set<string>();
    for (const { text } of files) {
      for (const m of text.matchAll(/defineUseCase(?:<[^>]*>)?\(\{\s*name:\s*"([^"]+)"/g)) written.add(m[1]!);
      // recordAudit / appendAuditSql entries with a literal action
      for (const m of text.matchAll(/(?:recordAudit|appendAuditSql)\([^;]*?action:\s*"([^"]+)"/g)) written.add(m[1]!);
    }
    // The genesis entry written by the chain's migration.
    written.add("audit.chainStart");
    expect(written.size).toBeGreaterThan(80);
    expect([...written].filter((a) => !(AUDIT_EVENTS as readonly string[]).includes(a))).toEqual([]);
  });

  it("lists every entity an entry is about", () => {
    const written = new Set<string>();
    for (const { f, text } of files) {
      if (f.includes("lib/i18n")) continue;
      for (const m of text.matchAll(/entityType:\s*"([^"]+)"/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((t) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(t))).toEqual([]);
  });

  it("has words for every action (use cases, direct entries and every permission a refusal names)", () => {
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining([...AUDIT_EVENTS, ...ALL_PERMISSIONS]));
    expect(ALL_PERMISSIONS).toEqual(expect.arrayContaining(["payment.confirm", "dossier.sync", "dossier.syncOut", "audit.read"]));
    expectWords(auditActionText, AUDIT_ACTIONS);
    expect(auditActionLabel("auth.signIn")).toBe("Đăng nhập");
    // An entry older than the list is said to be one, never shown raw.
    expect(auditActionLabel("legacy.thing")).not.toContain("legacy");
  });

  it("has words for every entity, outcome, role, kind of actor and limit", () => {
    expectWords(auditEntityText, AUDIT_ENTITY_TYPES);
    expectWords(auditOutcomeText, AUDIT_OUTCOMES);
    expectWords(roleText, Object.keys(PERMISSIONS) as Role[]);
    expectWords(auditActorKindText, AUDIT_ACTOR_KINDS);
    expectWords(rateLimitText, Object.keys(rateLimitText));
    expect(auditEntityLabel("use_case", "dossier.submit")).toBe("Chức năng “Nộp hồ sơ”");
    expect(auditEntityLabel("rate_limit", "signInClient")).not.toContain("signInClient");
    expect(auditEntityLabel("dossier", "000.00.00.H29-261207-0001")).toBe("Hồ sơ: 000.00.00.H29-261207-0001");
  });

  it("has words for the connection states and the record kinds the admin pages and the open data show", () => {
    // lib/monitoring/integration.ts CONNECTION_STATES (server-only there; indexing the map by ConnectionState makes tsc check it too).
    expectWords(integrationText.states, ["BOTH_WAYS", "RECEIVING_ONLY", "SENDING_ONLY", "TESTING", "NOT_CONNECTED"]);
    expectWords(integrationText.recordForm.kinds, ["TESTING", "RECEIVING_ONLY", "BOTH_WAYS", "CLEARED"]);
  });
});
