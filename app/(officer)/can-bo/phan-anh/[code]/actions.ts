"use server";

import { viaSession } from "@/lib/auth/session-actor";
import type { UseCase } from "@/lib/auth/door";
import {
  acceptFeedback,
  approveFeedbackAnswer,
  draftFeedbackAnswer,
  forwardFeedback,
  refuseFeedback,
  sendBackFeedbackAnswer,
} from "@/lib/feedback/officer";
import type { ActionFormState, FormValues } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

const HIDDEN = ["code", "version"];

function valuesOf(f: FormData): FormValues {
  const values: FormValues = {};
  for (const [k, v] of f.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  return values;
}

async function run<R>(useCase: UseCase<R>, done: string, formData: FormData): Promise<ActionFormState> {
  const values = valuesOf(formData);
  const page = `/can-bo/phan-anh/${encodeURIComponent(values.code ?? "")}`;
  return formState(await viaSession(useCase, values), values, {
    revalidate: [page, "/can-bo/phan-anh", "/phan-anh-kien-nghi"],
    redirectTo: () => `${page}?xong=${done}`,
    hidden: HIDDEN,
  });
}

export const acceptAction = async (_p: ActionFormState, f: FormData) => run(acceptFeedback, "accept", f);
export const refuseAction = async (_p: ActionFormState, f: FormData) => run(refuseFeedback, "refuse", f);
export const forwardAction = async (_p: ActionFormState, f: FormData) => run(forwardFeedback, "forward", f);
export const draftAction = async (_p: ActionFormState, f: FormData) => run(draftFeedbackAnswer, "draft", f);
export const approveAction = async (_p: ActionFormState, f: FormData) => run(approveFeedbackAnswer, "approve", f);
export const sendBackAction = async (_p: ActionFormState, f: FormData) => run(sendBackFeedbackAnswer, "sendBack", f);
