// The dossier lifecycle on the national status codes: which action moves which status to which,
// who may take it, and what it must carry. Pure: the domain functions ask it before changing anything.
import { STATUS, type Status } from "./status";

export type ActorKind = "applicant" | "officer" | "system";

export const ACTIONS = [
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
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action must carry. */
export type Requirement = "reason" | "papers" | "amount" | "result";

interface Transition {
  from: readonly Status[];
  to: Status;
  by: ActorKind;
  requires: readonly Requirement[];
}

const S = STATUS;

const TRANSITIONS: Record<Action, Transition> = {
  receive: { from: [S.NEW], to: S.RECEIVED, by: "officer", requires: [] },
  // Form 03 refuses at reception; once received, a dossier that cannot go on is stopped (8).
  refuse: { from: [S.NEW], to: S.REFUSED, by: "officer", requires: ["reason"] },
  startProcessing: { from: [S.RECEIVED], to: S.PROCESSING, by: "officer", requires: [] },
  requestSupplement: { from: [S.RECEIVED, S.PROCESSING], to: S.SUPPLEMENT_REQUESTED, by: "officer", requires: ["reason", "papers"] },
  // The papers arrive: processing resumes and the deadline restarts.
  supply: { from: [S.SUPPLEMENT_REQUESTED], to: S.PROCESSING, by: "applicant", requires: [] },
  requestFees: { from: [S.RECEIVED, S.PROCESSING], to: S.FEES_REQUESTED, by: "officer", requires: ["amount"] },
  // A verified payment callback settles what was asked.
  payFees: { from: [S.FEES_REQUESTED], to: S.PROCESSING, by: "system", requires: [] },
  // Fees paid at the one-stop counter (level 3, or a citizen who prefers it): the officer records them.
  confirmCounterPayment: { from: [S.FEES_REQUESTED], to: S.PROCESSING, by: "officer", requires: [] },
  stop: { from: [S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_REQUESTED], to: S.STOPPED, by: "officer", requires: ["reason"] },
  finish: { from: [S.PROCESSING], to: S.DONE, by: "officer", requires: ["result"] },
  returnResult: { from: [S.DONE], to: S.RETURNED, by: "officer", requires: [] },
  withdraw: {
    from: [S.NEW, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_REQUESTED],
    to: S.WITHDRAWN,
    by: "applicant",
    requires: [],
  },
};

export interface ActionPayload {
  reason?: string | null;
  papers?: readonly string[] | null;
  amount?: number | null;
  result?: unknown;
}

export type Refusal = "wrong_status" | "wrong_actor" | `missing_${Requirement}`;

export type Decision = { ok: true; to: Status } | { ok: false; refusal: Refusal };

export function decide(status: Status, action: Action, actor: ActorKind, payload: ActionPayload = {}): Decision {
  const t = TRANSITIONS[action];
  if (t.by !== actor) return { ok: false, refusal: "wrong_actor" };
  if (!t.from.includes(status)) return { ok: false, refusal: "wrong_status" };
  const [missing] = missingRequirements(action, payload);
  if (missing) return { ok: false, refusal: missing };
  return { ok: true, to: t.to };
}

/** What the action must carry that the payload lacks, in order, whatever the status. */
export function missingRequirements(action: Action, payload: ActionPayload = {}): `missing_${Requirement}`[] {
  const out: `missing_${Requirement}`[] = [];
  for (const r of TRANSITIONS[action].requires) {
    const v = payload[r];
    const present =
      r === "reason"
        ? typeof v === "string" && v.trim().length > 0
        : r === "papers"
          ? Array.isArray(v) && v.some((p) => typeof p === "string" && p.trim())
          : r === "amount"
            ? typeof v === "number" && Number.isInteger(v) && v > 0
            : v != null;
    if (!present) out.push(`missing_${r}`);
  }
  return out;
}

/** The actions an actor may take on a dossier in this status (for showing buttons). */
export function availableActions(status: Status, actor: ActorKind): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].by === actor && TRANSITIONS[a].from.includes(status));
}

/** The status an action leads to, and who takes it (the dossier sync API maps an agency's status to an action, issue 17). */
export function actionTo(action: Action): Status {
  return TRANSITIONS[action].to;
}
export function actionBy(action: Action): ActorKind {
  return TRANSITIONS[action].by;
}

/** The statuses an action may be taken from (for saying so when it is refused). */
export function actionFrom(action: Action): readonly Status[] {
  return TRANSITIONS[action].from;
}
