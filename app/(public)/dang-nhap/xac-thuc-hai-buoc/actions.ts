"use server";

import { verifySecondFactor } from "@/lib/auth/second-factor";
import { SECOND_FACTOR_MANAGE_PAGE } from "@/lib/auth/second-factor-policy";
import { safeNextPath } from "@/lib/auth/safe-next";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

/** The code after the password; a recovery code used leads to the account page, which says to replace or renew. */
export async function verifySecondFactorAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const { code, next } = readFields(formData, ["code", "next"]);
  const to = safeNextPath(next) ?? "/tai-khoan";
  return formState(
    await viaSession(verifySecondFactor, { code }),
    {},
    {
      redirectTo: (d) =>
        d.method === "recovery" ? `${SECOND_FACTOR_MANAGE_PAGE}?da-dung-ma-khoi-phuc=1&next=${encodeURIComponent(to)}` : to,
    },
  );
}
