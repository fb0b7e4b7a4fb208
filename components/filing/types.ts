// The server actions the filing form is given by its page (they live beside the page, in app/). Both
// answer the form's state (lib/forms/form-state.ts): on success the data to show, else the errors.
import type { ActionState } from "@/lib/forms/action-state";

export type SaveDraft = (serviceCode: string, answers: Record<string, unknown>, step: number) => Promise<ActionState<{ savedAt: string }>>;

export type Submit = (
  serviceCode: string,
  idempotencyKey: string,
  answers: Record<string, unknown>,
) => Promise<ActionState<{ code: string }>>;
