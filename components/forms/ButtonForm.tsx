// A form of one button and hidden fields (delete a day, disable an account, resend a message): posts without JavaScript, and shows
// a refusal beside the button. Success is a redirect, so only a message ever comes back.
"use client";

import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "./useActionForm";

export interface ButtonFormProps {
  action: FormAction;
  hidden: Record<string, string>;
  label: string;
  /** Read after the label by screen readers only, so that a column of "Xóa" buttons says which row each removes. */
  srLabel?: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  /** For the error's id, unique on the page. */
  id: string;
}

export function ButtonForm({ action, hidden, label, srLabel, pendingLabel, variant = "secondary", id }: ButtonFormProps) {
  const { state, formAction, pending } = useActionForm(action);
  const errorId = `${id}-loi`;
  return (
    <form action={formAction} className="space-y-1">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`btn ${variant === "primary" ? "btn-primary" : "btn-secondary"} px-3 py-1`}
        disabled={pending}
        aria-describedby={state.message ? errorId : undefined}
      >
        {pending ? pendingLabel : label}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </button>
      {state.message && (
        <p id={errorId} role="alert" className="text-sm font-semibold text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
