// The server actions the filing form is given by its page (they live beside the page, in app/). Both
// answer the form's state (lib/forms/form-state.ts): on success the data to show, else the errors.
import type { ActionState } from "@/lib/forms/action-state";

export type SaveDraft = (
  serviceCode: string,
  answers: Record<string, unknown>,
  step: number,
  /** Issue 15: for whom the draft is filed (lib/organisations/principal.ts). */
  principal?: unknown,
) => Promise<ActionState<{ savedAt: string }>>;

export type Submit = (
  serviceCode: string,
  idempotencyKey: string,
  answers: Record<string, unknown>,
  /** Issue 15: for whom the dossier is filed; undefined: oneself. */
  principal?: unknown,
) => Promise<ActionState<{ code: string }>>;

/** A paper's upload as the form shows it: in progress, refused, or just removed. */
export type Upload = { progress: number } | { error: string } | { removed: string };
