// Which actions the officer's dossier page offers (lib/dossiers/officer-actions.ts): every status × the officer's
// conditions (holder or not, may process or not, by role) against a table written here by hand from the one-stop
// rules, never derived from the state machine, and checked against the state machine's own answers.
import { describe, expect, it } from "vitest";
import { can, type Role } from "@/lib/auth/permissions";
import {
  DESTRUCTIVE,
  missingResultFields,
  NEEDS_CONFIRMATION,
  OFFICER_ACTION_PERMISSION,
  OFFICER_ACTIONS,
  OFFICER_STATUS_ACTIONS,
  officerActionMenu,
  officerActionRefusal,
  offeredActions,
  statusAllows,
  type OfficerAction,
} from "@/lib/dossiers/officer-actions";
import { availableActions, decide } from "@/lib/dossiers/state-machine";
import type { Status } from "@/lib/dossiers/status";

const ALL_STATUSES: Status[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What a holding officer is offered in each status: the primary first, then the menu (in menu order). */
const EXPECTED: Record<Status, { primary: OfficerAction | null; more: OfficerAction[] }> = {
  1: { primary: "receive", more: ["refuse", "assign", "apologize"] },
  2: { primary: "startProcessing", more: ["requestSupplement", "requestFees", "stop", "assign", "transfer", "apologize"] },
  3: { primary: null, more: [] },
  4: { primary: "finish", more: ["requestSupplement", "requestFees", "stop", "assign", "transfer", "apologize"] },
  5: { primary: null, more: ["stop", "assign", "apologize"] },
  6: { primary: "confirmCounterPayment", more: ["stop", "assign", "apologize"] },
  7: { primary: null, more: [] },
  8: { primary: null, more: [] },
  9: { primary: "returnResult", more: [] },
  10: { primary: null, more: [] },
};

const FULL = { reason: "Lý do", papers: ["Giấy tờ"], amount: 50_000, result: "att" };
const HOLDER = { holder: true, mayProcess: true };

describe("the officer's offered actions, every status", () => {
  describe.each(ALL_STATUSES)("status %i", (status) => {
    it("a holding officer who may process: exactly the table's primary and menu", () => {
      expect(officerActionMenu({ status, ...HOLDER })).toEqual(EXPECTED[status]);
      const all = [EXPECTED[status].primary, ...EXPECTED[status].more].filter(Boolean);
      expect([...offeredActions({ status, ...HOLDER })].sort()).toEqual([...all].sort());
    });

    it("the status actions offered are exactly those the state machine allows an officer, and it accepts each", () => {
      const offered = offeredActions({ status, ...HOLDER }).filter((a) => (OFFICER_STATUS_ACTIONS as readonly string[]).includes(a));
      expect([...offered].sort()).toEqual([...availableActions(status, "officer")].sort());
      for (const a of OFFICER_STATUS_ACTIONS) {
        const d = decide(status, a, "officer", FULL);
        expect(d.ok, `${a} from ${status}`).toBe(offered.includes(a));
        if (!offered.includes(a)) expect(officerActionRefusal(a, { status, ...HOLDER })).toBe("wrong_status");
      }
    });

    it.each([
      { holder: false, mayProcess: true, refusal: "not_holder" },
      { holder: true, mayProcess: false, refusal: "forbidden" },
      { holder: false, mayProcess: false, refusal: "forbidden" },
    ] as const)("holder $holder, may process $mayProcess: nothing offered ($refusal)", ({ holder, mayProcess, refusal }) => {
      expect(offeredActions({ status, holder, mayProcess })).toEqual([]);
      expect(officerActionMenu({ status, holder, mayProcess })).toEqual({ primary: null, more: [] });
      for (const a of OFFICER_ACTIONS) expect(officerActionRefusal(a, { status, holder, mayProcess })).toBe(refusal);
    });
  });

  it("an unknown status offers nothing", () => {
    for (const status of [0, 11, 2.5, -1]) expect(offeredActions({ status, ...HOLDER })).toEqual([]);
    expect(statusAllows("assign", 11)).toBe(false);
  });
});

describe("who may process", () => {
  it.each([
    ["OFFICER", true],
    ["AGENCY_ADMIN", true],
    ["CITIZEN", false],
    ["VPCP_ADMIN", false],
  ] as [Role, boolean][])("%s: %s", (role, may) => {
    expect(can({ role }, OFFICER_ACTION_PERMISSION)).toBe(may);
    const offered = offeredActions({ status: 2, holder: true, mayProcess: can({ role }, OFFICER_ACTION_PERMISSION) });
    expect(offered.length > 0).toBe(may);
  });

  it("an officer still owing the second factor is offered nothing", () => {
    const mayProcess = can({ role: "OFFICER", secondFactorDue: "verify" }, OFFICER_ACTION_PERMISSION);
    expect(offeredActions({ status: 1, holder: true, mayProcess })).toEqual([]);
  });
});

describe("how actions look and what they ask", () => {
  it("refuse, stop, transfer, finish and return ask for confirmation; only refuse and stop look destructive", () => {
    expect([...NEEDS_CONFIRMATION].sort()).toEqual(["finish", "refuse", "returnResult", "stop", "transfer"]);
    expect([...DESTRUCTIVE].sort()).toEqual(["refuse", "stop"]);
    for (const a of DESTRUCTIVE) expect(NEEDS_CONFIRMATION.has(a)).toBe(true);
  });

  it("the primary action is never destructive", () => {
    for (const status of ALL_STATUSES) {
      const { primary } = officerActionMenu({ status, ...HOLDER });
      if (primary) expect(DESTRUCTIVE.has(primary)).toBe(false);
    }
  });

  it("names each blank result field", () => {
    expect(missingResultFields({ documentNumber: "15/QĐ", title: " ", body: "x" })).toEqual(["title", "signerPosition", "signerName"]);
    expect(missingResultFields({ documentNumber: "1", title: "t", body: "b", signerPosition: "p", signerName: "n" })).toEqual([]);
  });
});
