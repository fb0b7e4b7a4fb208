// Which actions an officer is offered on a dossier, in one place: the status actions the state machine
// allows an officer in this status, plus the officer-only steps beside it (assign, transfer, apologise),
// and only when the officer's agency holds the dossier and the officer may process dossiers. The officer's
// dossier page shows exactly these (one primary, the rest in a menu), and the use cases of
// lib/dossiers/officer.ts refuse anything else with the same predicates. Pure: no I/O.
import { actionFrom, type Action } from "./state-machine";
import { isStatus, STATUS, type Status } from "./status";

/** The permission every officer action needs (lib/dossiers/officer.ts's use cases declare it). */
export const OFFICER_ACTION_PERMISSION = "dossier.process" as const;

/** The status actions an officer takes (the applicant supplies and withdraws; a payment callback pays). */
export const OFFICER_STATUS_ACTIONS = [
  "receive",
  "refuse",
  "startProcessing",
  "requestSupplement",
  "requestFees",
  "confirmCounterPayment",
  "stop",
  "finish",
  "returnResult",
] as const satisfies readonly Action[];
export type OfficerStatusAction = (typeof OFFICER_STATUS_ACTIONS)[number];

/** The officer's steps that do not change the status. */
const OFFICER_OTHER_ACTIONS = ["assign", "transfer", "apologize"] as const;
type OfficerOtherAction = (typeof OFFICER_OTHER_ACTIONS)[number];

export type OfficerAction = OfficerStatusAction | OfficerOtherAction;

/** Every officer action, in the order a menu lists them. */
export const OFFICER_ACTIONS: readonly OfficerAction[] = [...OFFICER_STATUS_ACTIONS, ...OFFICER_OTHER_ACTIONS];

export function isOfficerAction(s: unknown): s is OfficerAction {
  return typeof s === "string" && (OFFICER_ACTIONS as readonly string[]).includes(s);
}

const S = STATUS;

/** The statuses from which the steps beside the state machine may be taken. */
const OTHER_FROM: Record<OfficerOtherAction, readonly Status[]> = {
  // While the dossier is still being worked on (not refused, withdrawn, stopped, finished or returned).
  assign: [S.NEW, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_REQUESTED],
  // Inter-agency transfer (liên thông): a received dossier, before or during processing.
  transfer: [S.RECEIVED, S.PROCESSING],
  // Form 04: late, with a new appointment; only while a result is still owed.
  apologize: [S.NEW, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_REQUESTED],
};

/** The statuses an officer action may be taken from (for saying so when it is refused). */
export function officerActionFrom(action: OfficerAction): readonly Status[] {
  if ((OFFICER_OTHER_ACTIONS as readonly string[]).includes(action)) return OTHER_FROM[action as OfficerOtherAction];
  return actionFrom(action as OfficerStatusAction);
}

/** Whether the dossier's status allows the action (the state machine for status actions). */
export function statusAllows(action: OfficerAction, status: number): boolean {
  return isStatus(status) && officerActionFrom(action).includes(status);
}

/** What the page and the use cases know about the officer and the dossier. */
export interface OfficerActionContext {
  /** The dossier's status code (1..10). */
  status: number;
  /** The officer's agency holds the dossier (a sender after a transfer only follows it). */
  holder: boolean;
  /** The officer holds OFFICER_ACTION_PERMISSION. */
  mayProcess: boolean;
  /**
   * Processed in the agency's own one-stop system (issue 17): received there (origin AGENCY_SYSTEM) or delivered
   * there (a SYNC service's portal dossier). Its statuses arrive through the dossier sync API, so the portal's pages
   * offer no action on it (processedInAgencySystem).
   */
  processedElsewhere?: boolean;
}

/** Issue 17: the dossier is processed in the agency's own one-stop system, not in the portal's officer pages. */
export function processedInAgencySystem(d: { origin: string; deliveryState: string | null }): boolean {
  return d.origin === "AGENCY_SYSTEM" || d.deliveryState !== null;
}

/** Why an action is not offered: the first rule that refuses it. */
export type OfficerActionRefusal = "forbidden" | "processed_elsewhere" | "not_holder" | "wrong_status";

export function officerActionRefusal(action: OfficerAction, ctx: OfficerActionContext): OfficerActionRefusal | null {
  if (!ctx.mayProcess) return "forbidden";
  if (ctx.processedElsewhere) return "processed_elsewhere";
  if (!ctx.holder) return "not_holder";
  if (!statusAllows(action, ctx.status)) return "wrong_status";
  return null;
}

/** Exactly the actions offered to this officer on this dossier, in menu order. */
export function offeredActions(ctx: OfficerActionContext): OfficerAction[] {
  return OFFICER_ACTIONS.filter((a) => officerActionRefusal(a, ctx) === null);
}

/**
 * The natural next step in each status. None while waiting for the applicant's papers (5): the only status
 * action left there is stopping, which is never the default.
 */
const PRIMARY: Partial<Record<Status, OfficerStatusAction>> = {
  [S.NEW]: "receive",
  [S.RECEIVED]: "startProcessing",
  [S.PROCESSING]: "finish",
  [S.FEES_REQUESTED]: "confirmCounterPayment",
  [S.DONE]: "returnResult",
};

/** Actions that end or hand over the dossier, or issue what cannot be taken back: they ask for confirmation. */
export const NEEDS_CONFIRMATION: ReadonlySet<OfficerAction> = new Set<OfficerAction>([
  "refuse",
  "stop",
  "transfer",
  "finish",
  "returnResult",
]);

/** Actions that end the dossier without a result: they look destructive. */
export const DESTRUCTIVE: ReadonlySet<OfficerAction> = new Set<OfficerAction>(["refuse", "stop"]);

/** The page's actions: one primary (the natural next step, if offered), the rest for a menu. */
export function officerActionMenu(ctx: OfficerActionContext): { primary: OfficerAction | null; more: OfficerAction[] } {
  const offered = offeredActions(ctx);
  const next = isStatus(ctx.status) ? PRIMARY[ctx.status] : undefined;
  const primary = next && offered.includes(next) ? next : null;
  return { primary, more: offered.filter((a) => a !== primary) };
}

/** The fields of a result, as the finish form names them. */
export const RESULT_FIELDS = ["documentNumber", "title", "body", "signerPosition", "signerName"] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

/** The result's fields left blank (finish needs them all). */
export function missingResultFields(values: Partial<Record<ResultField, string | null | undefined>>): ResultField[] {
  return RESULT_FIELDS.filter((k) => !values[k]?.trim());
}
