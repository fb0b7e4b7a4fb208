"use server";

import { actOnDossier, apologize, assignDossier, transferDossier } from "@/lib/dossiers/officer";
import type { ActionResult } from "@/lib/errors/app-error";
import type { ActionFormState as OfficerFormState, FormValues } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { viaSession } from "@/lib/auth/session-actor";

const text = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

/** The dossier's page shows the change; the form says what was done. */
const answer = <R>(code: string, values: FormValues, r: ActionResult<R>, done: string): OfficerFormState =>
  formState(r, values, { revalidate: [`/can-bo/ho-so/${code}`], done: () => ({ message: done }) });

/** Every status action of the officer's dossier page. */
export async function dossierAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const values: FormValues = {};
  for (const [k, v] of f.entries()) if (typeof v === "string") values[k] = v;
  const code = text(f, "code");
  const papers = text(f, "papers")
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean);
  const r = await viaSession(actOnDossier, {
    code,
    version: text(f, "version"),
    action: text(f, "action"),
    reason: text(f, "reason") || undefined,
    papers: papers.length ? papers : undefined,
    amount: text(f, "amount") || undefined,
    result:
      text(f, "action") === "finish"
        ? {
            documentNumber: text(f, "documentNumber"),
            title: text(f, "title"),
            body: text(f, "body"),
            signerPosition: text(f, "signerPosition"),
            signerName: text(f, "signerName"),
          }
        : undefined,
  });
  return answer(code, values, r, "Đã thực hiện.");
}

export async function assignAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { assigneeId: text(f, "assigneeId") };
  return answer(code, values, await viaSession(assignDossier, { code, assigneeId: values.assigneeId }), "Đã phân công.");
}

export async function transferAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { toAgency: text(f, "toAgency"), reason: text(f, "reason") };
  return answer(code, values, await viaSession(transferDossier, { code, version: text(f, "version"), ...values }), "Đã chuyển hồ sơ.");
}

export async function apologyAction(_prev: OfficerFormState, f: FormData): Promise<OfficerFormState> {
  const code = text(f, "code");
  const values = { reason: text(f, "reason"), newDate: text(f, "newDate") };
  return answer(code, values, await viaSession(apologize, { code, ...values }), "Đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.");
}
