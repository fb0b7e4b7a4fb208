// The server half of the form plumbing: turns a use case's ActionResult into the form's ActionState, in one
// place. On success it revalidates the pages the change made stale and then either redirects (ending the
// action) or hands back a message and data to show once; on refusal it hands back what was typed with the
// errors, so nothing has to be typed twice.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { UseCase } from "@/lib/auth/door";
import { viaSession } from "@/lib/auth/session-actor";
import type { ActionResult } from "@/lib/errors/app-error";
import { readFields, type ActionState, type FormValues } from "./action-state";

export interface FormOutcome<R, D> {
  /** Paths whose cached pages the change makes stale. */
  revalidate?: readonly string[] | ((data: R) => readonly string[]);
  /** Where to go on success; a redirect ends the action. */
  redirectTo?: (data: R) => string;
  /** What the form shows when it stays on the page: a status message, and data to show once. */
  done?: (data: R) => { message?: string; data?: D };
  /** Keep what was typed after a success too (a form that stays filled, e.g. a rating shown back). */
  keepValues?: boolean;
  /**
   * Fields posted as hidden inputs (an id, a version): an error on one has no input to sit beside, so it
   * becomes the form's message instead.
   */
  hidden?: readonly string[];
}

/** The form state for a use case's answer; see FormOutcome for what happens on success. */
export function formState<R, D = never>(result: ActionResult<R>, values: FormValues, outcome: FormOutcome<R, D> = {}): ActionState<D> {
  if (result.ok) {
    const paths = typeof outcome.revalidate === "function" ? outcome.revalidate(result.data) : (outcome.revalidate ?? []);
    for (const path of paths) revalidatePath(path);
    if (outcome.redirectTo) redirect(outcome.redirectTo(result.data));
    const shown = outcome.done?.(result.data) ?? {};
    return { ok: true, fieldErrors: {}, values: outcome.keepValues ? values : {}, ...shown };
  }
  const hidden = outcome.hidden ?? [];
  const hiddenError = hidden.map((k) => result.fieldErrors[k]).find(Boolean);
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).filter(([k]) => !hidden.includes(k)));
  return { ok: false, message: hiddenError ?? result.message, fieldErrors, values };
}

/**
 * The common server action: read the named fields, call one use case as the session's user, on success
 * revalidate the target page and go to `to(data)`, else hand back what was typed with the errors.
 */
export async function runForm<R>(
  formData: FormData,
  fields: readonly string[],
  useCase: UseCase<R>,
  to: (data: R) => string,
): Promise<ActionState> {
  const values = readFields(formData, fields);
  return formState(await viaSession(useCase, values), values, {
    revalidate: (d) => [to(d).split("?")[0]!],
    redirectTo: to,
  });
}
