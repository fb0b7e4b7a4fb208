// The one state every action form keeps between submissions: the outcome, a message, the errors per field,
// what was typed (so a refused form comes back as typed, never empty), and, for the few forms that show
// something once on success (a new API key's secret), that data. Pure types and constants: client and server.
export type FormValues = Record<string, string>;
import type { FieldErrors } from "@/lib/errors/app-error";

export interface ActionState<D = never> {
  ok?: boolean;
  message?: string;
  fieldErrors: FieldErrors;
  values: FormValues;
  /** What a successful submission hands back to show once (e.g. a secret); absent on failure. */
  data?: D;
}

/** The plain form's state (no extra data). */
export type ActionFormState = ActionState;

/** A server action as `useActionState` calls it. */
export type FormAction<D = never> = (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>>;

/** Nothing submitted yet. */
export const EMPTY_ACTION_STATE: ActionState = { fieldErrors: {}, values: {} };

/** The named fields of a submission as strings (a missing field is ""), trimmed unless told otherwise. */
export function readFields<K extends string>(
  formData: FormData,
  names: readonly K[],
  { trim = true }: { trim?: boolean } = {},
): Record<K, string> {
  return Object.fromEntries(
    names.map((name) => {
      const v = formData.get(name);
      const s = typeof v === "string" ? v : "";
      return [name, trim ? s.trim() : s];
    }),
  ) as Record<K, string>;
}

/** Data a form shows once after success and never again: a new API key, an endpoint's signing secret. */
export interface Secret {
  secret: string;
  /** Says what the secret is. */
  secretLabel: string;
}
