"use server";

import { changePassword } from "@/lib/accounts/change-password";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { accountText } from "@/lib/i18n/vi/accounts";

export async function changePasswordAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const input = readFields(formData, ["currentPassword", "password", "passwordConfirm"], { trim: false });
  return formState(
    await viaSession(changePassword, input),
    {},
    {
      done: (d) => ({ message: accountText.change.done(d.otherSessionsRevoked) }),
    },
  );
}
