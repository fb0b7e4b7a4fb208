// The state a small action form keeps between submissions: the outcome, errors per field, and what was typed.
export interface ActionFormState {
  ok?: boolean;
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}
