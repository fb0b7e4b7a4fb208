"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { rerouteFeedback } from "@/lib/feedback/officer";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { feedbackText } from "@/lib/i18n/vi/feedback";

export async function rerouteAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["code", "version", "agencyId", "reason"]);
  return formState(await viaSession(rerouteFeedback, values), values, {
    revalidate: ["/quan-tri/phan-anh"],
    done: () => ({ message: feedbackText.officer.done.reroute }),
    hidden: ["code", "version"],
  });
}
