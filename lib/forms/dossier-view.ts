// A filed dossier's answers in words, from the form it was filed under (its snapshot, never the service's
// current form) and the labels stored with it (computed from reference data for a dossier filed before labels
// were stored). Used by the officer's and the citizen's dossier pages, the receipt and the control sheet.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { StoredFormDefinition } from "./definition";
import { displaySections, submittedPapers, type AnswerLabels, type DisplaySection, type SubmittedPaper } from "./display";
import type { FeeComputation } from "./fees";
import { dossierAnswerLabels } from "./labels-store";

export interface DossierAnswersView {
  sections: DisplaySection[];
  papers: SubmittedPaper[];
  labels: AnswerLabels;
}

export interface FiledDossier {
  formSnapshot: unknown;
  answers: unknown;
  answerLabels: unknown;
  attachments: { fieldId: string | null; fileName: string; purpose: string }[];
}

export async function dossierAnswersView(d: FiledDossier, client: Db | Tx = db): Promise<DossierAnswersView> {
  const parsed = StoredFormDefinition.safeParse(d.formSnapshot);
  if (!parsed.success) return { sections: [], papers: [], labels: {} };
  const answers = (d.answers ?? {}) as Record<string, unknown>;
  const labels = await dossierAnswerLabels(d, parsed.data, client);
  return {
    sections: displaySections(parsed.data, answers, labels, { papers: false }),
    papers: submittedPapers(parsed.data, answers, labels),
    labels,
  };
}

/** How a dossier's fee was computed at filing, when it was (dossiers filed before fee rules have none). */
export function filedFee(feeSnapshot: unknown): FeeComputation | null {
  const computed = (feeSnapshot as { computed?: FeeComputation } | null)?.computed;
  return computed && typeof computed.total === "number" && Array.isArray(computed.lines) ? computed : null;
}
