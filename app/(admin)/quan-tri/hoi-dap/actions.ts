// Server actions of the FAQ admin page: each calls its use case (lib/help/faq.ts) with the session's actor.
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { deleteFaq, saveFaq } from "@/lib/help/faq";

export async function saveFaqAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(
    fd,
    ["id", "version", "question", "answer", "procedureCode", "position"],
    saveFaq,
    (d) => `/quan-tri/hoi-dap?tb=luu&id=${d.id}`,
  );
}

export async function deleteFaqAction(_: ActionFormState, fd: FormData): Promise<ActionFormState> {
  return runForm(fd, ["id", "version"], deleteFaq, () => `/quan-tri/hoi-dap?tb=xoa`);
}
