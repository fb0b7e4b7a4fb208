// The server action of "Áp dụng sáp nhập": the session's VPCP administrator applies the due successions (one
// agency, or all) through the one use case (lib/agencies/reorganisation.ts), which checks the confirmation.
"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { applySuccession, type ApplySuccessionResult } from "@/lib/agencies/reorganisation";
import { expireCatalogReads } from "@/lib/catalog/cached";
import { reorganisationText as t } from "@/lib/i18n/vi/reorganisation";

export type ApplySuccessionState = ActionState<ApplySuccessionResult>;

export async function applySuccessionAction(_: ApplySuccessionState, fd: FormData): Promise<ApplySuccessionState> {
  const values = readFields(fd, ["identifier", "keys", "confirm"]);
  try {
    return formState(await viaSession(applySuccession, values), values, {
      revalidate: ["/quan-tri/co-quan", "/quan-tri/co-quan/ap-dung-sap-nhap"],
      done: (d) => {
        const any = Object.values(d.moved).some((v) => v > 0);
        return { message: any ? t.done(d.agencies.length) : t.doneNothing, data: d };
      },
      hidden: ["identifier"],
    });
  } finally {
    expireCatalogReads();
  }
}
