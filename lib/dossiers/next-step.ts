// The one thing a citizen must do next about a dossier, and where on its page they do it: "Hồ sơ của tôi"
// shows it on each card, notifications link to the same places. Pure: the page turns the code into words
// (lib/i18n/vi/my-dossiers.ts).
import { canPayOnline } from "@/lib/payments/payable";
import { STATUS } from "./status";

/** The sections of the citizen's dossier page (/ho-so-cua-toi/[code]) a link can land on: their element ids. */
export const DOSSIER_SECTION = {
  /** Submission, tracking PIN, the due date in force. */
  receipt: "bien-nhan",
  payment: "thanh-toan",
  supplement: "bo-sung",
  result: "ket-qua",
  rating: "danh-gia",
  timeline: "tien-do",
} as const;
export type DossierSection = (typeof DOSSIER_SECTION)[keyof typeof DOSSIER_SECTION];

/** The citizen's page of a dossier, at one of its sections. */
export function dossierHref(code: string, section?: DossierSection): string {
  return `/ho-so-cua-toi/${encodeURIComponent(code)}${section ? `#${section}` : ""}`;
}

export type NextStepCode =
  /** Pay the fees online (level 4, something owed, a payable status). */
  | "pay"
  /** The agency asked for fees that cannot be paid online here: pay them at the one-stop counter. */
  | "payAtCounter"
  /** The agency asked for papers. */
  | "supplement"
  /** The result was returned and the service not rated yet. */
  | "rate"
  /** The result can be downloaded (level 4, with a result paper). */
  | "download"
  /** The result is ready at the counter (no downloadable paper). */
  | "collect"
  /** Something to pay, supply or rate, but the dossier was filed on the citizen's behalf: the filer does it. */
  | "representativeActs"
  /** Nothing to do: the agency is working on it, until the due date (`until`). */
  | "wait"
  /** Nothing to do any more: refused, withdrawn, stopped, or returned and rated. */
  | "closed";

export interface NextStep {
  code: NextStepCode;
  /** Where the citizen does it: the dossier page's section. */
  href: string;
  /** For "wait": the date the result is due (null when none is set yet). */
  until?: Date | null;
}

export interface NextStepDossier {
  code: string;
  status: number;
  /** The due date in force. */
  dueAt: Date | null;
  onlineLevel: number;
  feeAmount: number;
  paidAmount: number;
  ratedAt: Date | null;
  /** How many result papers are attached (downloadable at level 4). */
  resultCount: number;
}

/** Steps only the owner takes; someone following a dossier filed for them (read-only) leaves them to the filer. */
const OWNER_ONLY: ReadonlySet<NextStepCode> = new Set(["pay", "payAtCounter", "supplement", "rate"]);

function ownerStep(d: NextStepDossier): NextStep {
  const at = (section: DossierSection) => dossierHref(d.code, section);
  const downloadable = d.onlineLevel === 4 && d.resultCount > 0;
  switch (d.status) {
    case STATUS.SUPPLEMENT_REQUESTED:
      return { code: "supplement", href: at(DOSSIER_SECTION.supplement) };
    case STATUS.FEES_REQUESTED:
      return { code: canPayOnline(d) ? "pay" : "payAtCounter", href: at(DOSSIER_SECTION.payment) };
    case STATUS.NEW:
    case STATUS.RECEIVED:
    case STATUS.PROCESSING:
      return canPayOnline(d)
        ? { code: "pay", href: at(DOSSIER_SECTION.payment) }
        : { code: "wait", href: at(DOSSIER_SECTION.receipt), until: d.dueAt };
    case STATUS.DONE:
      return { code: downloadable ? "download" : "collect", href: at(DOSSIER_SECTION.result) };
    case STATUS.RETURNED:
      if (!d.ratedAt) return { code: "rate", href: at(DOSSIER_SECTION.rating) };
      return downloadable ? { code: "download", href: at(DOSSIER_SECTION.result) } : { code: "closed", href: at(DOSSIER_SECTION.result) };
    default:
      // Refused, withdrawn, stopped: the timeline says why.
      return { code: "closed", href: at(DOSSIER_SECTION.timeline) };
  }
}

/**
 * The next step of a dossier for the citizen who sees it; `readOnly`: filed on their behalf by someone else,
 * who pays, supplies and rates (lib/dossiers/visibility).
 */
export function nextStep(d: NextStepDossier, readOnly = false): NextStep {
  const step = ownerStep(d);
  if (readOnly && OWNER_ONLY.has(step.code)) return { code: "representativeActs", href: dossierHref(d.code) };
  return step;
}

/** Where a notice about a dossier that has just moved to `status` should land on the citizen's dossier page. */
export function sectionForStatus(status: number): DossierSection {
  switch (status) {
    case STATUS.SUPPLEMENT_REQUESTED:
      return DOSSIER_SECTION.supplement;
    case STATUS.FEES_REQUESTED:
      return DOSSIER_SECTION.payment;
    case STATUS.DONE:
    case STATUS.RETURNED:
      return DOSSIER_SECTION.result;
    case STATUS.NEW:
    case STATUS.RECEIVED:
      return DOSSIER_SECTION.receipt;
    default:
      return DOSSIER_SECTION.timeline;
  }
}
