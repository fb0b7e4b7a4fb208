// Exhaustive tests of the dossier state machine: every status × action × actor against a table written here by hand
// from the one-stop rules (domain.md §4), never derived from TRANSITIONS, so a slip in either one shows up as a failure.
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  availableActions,
  decide,
  type Action,
  type ActionPayload,
  type ActorKind,
  type Requirement,
} from "@/lib/dossiers/state-machine";
import { FINAL_STATUSES, STATUS_NAME, type Status } from "@/lib/dossiers/status";

const ALL_STATUSES: Status[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const ALL_ACTORS: ActorKind[] = ["applicant", "officer", "system"];
const ALL_ACTIONS: Action[] = [
  "receive",
  "refuse",
  "startProcessing",
  "requestSupplement",
  "supply",
  "requestFees",
  "payFees",
  "confirmCounterPayment",
  "stop",
  "finish",
  "returnResult",
  "withdraw",
];

/** Who takes each action: the desk and the processing officer, the applicant, or the payment callback. */
const OWNER: Record<Action, ActorKind> = {
  receive: "officer",
  refuse: "officer",
  startProcessing: "officer",
  requestSupplement: "officer",
  supply: "applicant",
  requestFees: "officer",
  payFees: "system",
  confirmCounterPayment: "officer",
  stop: "officer",
  finish: "officer",
  returnResult: "officer",
  withdraw: "applicant",
};

/** What each action must carry, in the order the refusals name them. */
const NEEDS: Record<Action, Requirement[]> = {
  receive: [],
  refuse: ["reason"],
  startProcessing: [],
  requestSupplement: ["reason", "papers"],
  supply: [],
  requestFees: ["amount"],
  payFees: [],
  confirmCounterPayment: [],
  stop: ["reason"],
  finish: ["result"],
  returnResult: [],
  withdraw: [],
};

/**
 * The legal moves, status by status (national codes): 1 new, 2 received, 3 refused, 4 processing, 5 supplement
 * requested, 6 fees due, 7 withdrawn, 8 stopped, 9 done, 10 returned. Anything absent here must be refused.
 */
const MOVES: Record<Status, Partial<Record<Action, Status>>> = {
  1: { receive: 2, refuse: 3, withdraw: 7 },
  2: { startProcessing: 4, requestSupplement: 5, requestFees: 6, stop: 8, withdraw: 7 },
  3: {},
  4: { requestSupplement: 5, requestFees: 6, stop: 8, finish: 9, withdraw: 7 },
  5: { supply: 4, stop: 8, withdraw: 7 },
  6: { payFees: 4, confirmCounterPayment: 4, stop: 8, withdraw: 7 },
  7: {},
  8: {},
  9: { returnResult: 10 },
  10: {},
};

/** Values that must count as absent, and values that must count as present, for each requirement. */
const ABSENT: Record<Requirement, { label: string; payload: ActionPayload }[]> = {
  reason: [
    { label: "no reason", payload: {} },
    { label: "reason null", payload: { reason: null } },
    { label: 'reason ""', payload: { reason: "" } },
    { label: 'reason "  "', payload: { reason: "  " } },
    { label: "reason of tabs and newlines", payload: { reason: "\t\n " } },
  ],
  papers: [
    { label: "no papers", payload: {} },
    { label: "papers null", payload: { papers: null } },
    { label: "papers []", payload: { papers: [] } },
    { label: 'papers [""]', payload: { papers: [""] } },
    { label: 'papers ["  ", ""]', payload: { papers: ["  ", ""] } },
  ],
  amount: [
    { label: "no amount", payload: {} },
    { label: "amount null", payload: { amount: null } },
    { label: "amount 0", payload: { amount: 0 } },
    { label: "amount -1", payload: { amount: -1 } },
    { label: "amount 1.5", payload: { amount: 1.5 } },
    { label: "amount NaN", payload: { amount: Number.NaN } },
    { label: "amount Infinity", payload: { amount: Number.POSITIVE_INFINITY } },
  ],
  result: [
    { label: "no result", payload: {} },
    { label: "result null", payload: { result: null } },
    { label: "result undefined", payload: { result: undefined } },
  ],
};

const PRESENT: Record<Requirement, { label: string; payload: ActionPayload }[]> = {
  reason: [
    { label: "a reason", payload: { reason: "Hồ sơ không thuộc thẩm quyền giải quyết" } },
    { label: "a padded reason", payload: { reason: "  Ảnh chụp bị mờ  " } },
  ],
  papers: [
    { label: "one paper", payload: { papers: ["Giấy chứng sinh"] } },
    { label: "a blank and a paper", payload: { papers: ["", "Bản sao Căn cước công dân"] } },
  ],
  amount: [
    { label: "amount 1", payload: { amount: 1 } },
    { label: "amount 100", payload: { amount: 100 } },
    { label: "amount 150000", payload: { amount: 150_000 } },
  ],
  result: [
    { label: "result {}", payload: { result: {} } },
    { label: "an attachment id", payload: { result: "5f0c1e2a-0000-4000-8000-000000000001" } },
  ],
};

/** A payload carrying every requirement, so only the one under test is ever missing. */
const FULL: ActionPayload = { reason: "Lý do", papers: ["Tờ khai"], amount: 50_000, result: { attachmentId: "x" } };

const without = (r: Requirement): ActionPayload => {
  const p: ActionPayload = { ...FULL };
  delete p[r];
  return p;
};

describe("the action list", () => {
  it("is exactly the actions this table knows, so a new one cannot slip past these tests", () => {
    expect([...ACTIONS].sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it("names the statuses as the national code list does", () => {
    expect(STATUS_NAME).toEqual({
      1: "Mới đăng ký",
      2: "Được tiếp nhận",
      3: "Không được tiếp nhận",
      4: "Đang xử lý",
      5: "Yêu cầu bổ sung giấy tờ",
      6: "Yêu cầu thực hiện nghĩa vụ tài chính",
      7: "Công dân yêu cầu rút hồ sơ",
      8: "Dừng xử lý",
      9: "Đã xử lý xong",
      10: "Đã trả kết quả",
    });
  });
});

describe.each(ALL_STATUSES)("status %i", (status) => {
  describe.each(ALL_ACTIONS)("%s", (action) => {
    it.each(ALL_ACTORS)("by %s", (actor) => {
      const to = MOVES[status][action];
      if (actor !== OWNER[action]) {
        // The actor is checked first: someone who may never take the action learns nothing about the status.
        expect(decide(status, action, actor, FULL)).toEqual({ ok: false, refusal: "wrong_actor" });
        expect(decide(status, action, actor, {})).toEqual({ ok: false, refusal: "wrong_actor" });
        return;
      }
      if (to === undefined) {
        // The status is checked before the payload: a complete request in the wrong status is still refused.
        expect(decide(status, action, actor, FULL)).toEqual({ ok: false, refusal: "wrong_status" });
        expect(decide(status, action, actor, {})).toEqual({ ok: false, refusal: "wrong_status" });
        expect(decide(status, action, actor)).toEqual({ ok: false, refusal: "wrong_status" });
        return;
      }
      expect(decide(status, action, actor, FULL)).toEqual({ ok: true, to });
      const needs = NEEDS[action];
      if (needs.length === 0) {
        // Nothing to carry: an empty or absent payload is enough.
        expect(decide(status, action, actor, {})).toEqual({ ok: true, to });
        expect(decide(status, action, actor)).toEqual({ ok: true, to });
        return;
      }
      for (const r of needs) {
        for (const v of ABSENT[r]) {
          expect(decide(status, action, actor, { ...without(r), ...v.payload }), v.label).toEqual({ ok: false, refusal: `missing_${r}` });
        }
        for (const v of PRESENT[r]) {
          expect(decide(status, action, actor, { ...without(r), ...v.payload }), v.label).toEqual({ ok: true, to });
        }
      }
      // With nothing at all, the first requirement is the one named.
      expect(decide(status, action, actor, {})).toEqual({ ok: false, refusal: `missing_${needs[0]}` });
    });
  });
});

describe("requestSupplement needs both a reason and papers", () => {
  it.each([2, 4] as const)("from status %i: the reason alone or the papers alone are not enough", (status) => {
    expect(decide(status, "requestSupplement", "officer", { reason: "Ảnh mờ" })).toEqual({ ok: false, refusal: "missing_papers" });
    expect(decide(status, "requestSupplement", "officer", { papers: ["Giấy chứng sinh"] })).toEqual({
      ok: false,
      refusal: "missing_reason",
    });
    expect(decide(status, "requestSupplement", "officer", { reason: "  ", papers: [] })).toEqual({ ok: false, refusal: "missing_reason" });
    expect(decide(status, "requestSupplement", "officer", { reason: "Ảnh mờ", papers: ["Giấy chứng sinh"] })).toEqual({ ok: true, to: 5 });
  });
});

describe("availableActions", () => {
  describe.each(ALL_STATUSES)("status %i", (status) => {
    it.each(ALL_ACTORS)("for %s", (actor) => {
      const expected = ALL_ACTIONS.filter((a) => OWNER[a] === actor && MOVES[status][a] !== undefined);
      expect([...availableActions(status, actor)].sort()).toEqual([...expected].sort());
      // Every action offered must also be accepted by decide with a complete payload, and to the same status.
      for (const a of availableActions(status, actor)) expect(decide(status, a, actor, FULL)).toEqual({ ok: true, to: MOVES[status][a] });
    });
  });
});

describe("final statuses", () => {
  const finals: Status[] = [3, 7, 8, 10];

  it("are exactly 3, 7, 8 and 10", () => {
    expect([...FINAL_STATUSES].sort((a, b) => a - b)).toEqual(finals);
  });

  it.each(finals)("status %i allows no action by anyone", (status) => {
    for (const actor of ALL_ACTORS) {
      expect(availableActions(status, actor)).toEqual([]);
      for (const action of ALL_ACTIONS) {
        const d = decide(status, action, actor, FULL);
        expect(d.ok, `${action} by ${actor}`).toBe(false);
      }
    }
  });

  it.each([1, 2, 4, 5, 6, 9] as const)("status %i, not final, has a way forward", (status) => {
    expect(ALL_ACTORS.flatMap((actor) => availableActions(status, actor)).length).toBeGreaterThan(0);
  });

  it("every move ends in a real status, and only final statuses have no way out", () => {
    for (const status of ALL_STATUSES) {
      for (const to of Object.values(MOVES[status])) expect(ALL_STATUSES).toContain(to);
      expect(Object.keys(MOVES[status]).length === 0).toBe(finals.includes(status));
    }
  });
});
