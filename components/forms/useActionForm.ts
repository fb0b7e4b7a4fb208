// The one hook behind every action form: React's useActionState over the form's server action, plus what each
// form used to repeat. After a refusal the error summary (if the form attaches `summaryRef`) takes the focus,
// and `formKey` remounts the inputs so what was typed comes back as their default values.
import { useActionState, useEffect, useRef } from "react";
import { EMPTY_ACTION_STATE, type ActionState, type FormAction } from "@/lib/forms/action-state";

const SUMMARY = '[role="alert"][tabindex="-1"]';

export function useActionForm<D = never>(action: FormAction<D>, initial: Partial<ActionState<D>> = {}) {
  const [state, formAction, pending] = useActionState(action, { ...EMPTY_ACTION_STATE, ...initial });
  const summaryRef = useRef<HTMLDivElement>(null);
  const failed = !state.ok && (!!state.message || Object.keys(state.fieldErrors).length > 0);
  useEffect(() => {
    const el = summaryRef.current;
    if (failed && el) (el.matches(SUMMARY) ? el : el.querySelector<HTMLElement>(SUMMARY))?.focus();
  }, [state, failed]);
  return {
    state,
    formAction,
    pending,
    /** Whether the last submission was refused. */
    failed,
    /** Attach to the error summary (or an element around it) to move the focus there after a refusal. */
    summaryRef,
    /** The key of the <form>: changes when what was typed comes back, so uncontrolled inputs show it. */
    formKey: JSON.stringify(state.values),
    /** What was typed in a field last time, else `fallback`. */
    value: (name: string, fallback?: string): string | undefined => state.values[name] ?? fallback,
    /** A field's error, if refused. */
    error: (name: string): string | undefined => state.fieldErrors[name],
  };
}
