// Whether a dossier can be paid online now: the one rule the payment panel, startPayment and the citizen's
// "next step" (lib/dossiers/next-step.ts) share. Pure.
import { STATUS, type Status } from "@/lib/dossiers/status";

/** Statuses in which fees may be paid online: before and during processing, and when fees were asked for. */
export const PAYABLE_STATUSES: readonly Status[] = [STATUS.NEW, STATUS.RECEIVED, STATUS.PROCESSING, STATUS.FEES_REQUESTED];

export interface PayableDossier {
  onlineLevel: number;
  feeAmount: number;
  paidAmount: number;
  status: number;
}

/** Level 4, something still owed, and a status in which paying makes sense. */
export function canPayOnline(d: PayableDossier): boolean {
  return d.onlineLevel === 4 && d.feeAmount > d.paidAmount && (PAYABLE_STATUSES as readonly number[]).includes(d.status);
}
