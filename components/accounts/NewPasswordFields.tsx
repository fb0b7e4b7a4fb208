import { TextField } from "@/components/forms/TextField";
import { accountText } from "@/lib/i18n/vi/accounts";

/** The new password twice, with the policy as help (no live meter: the check runs on the server). */
export function NewPasswordFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      <TextField
        name="password"
        label={accountText.reset.newPassword}
        type="password"
        error={errors.password}
        help={accountText.passwordHelp}
        required
        autoComplete="new-password"
      />
      <TextField
        name="passwordConfirm"
        label={accountText.reset.newPasswordConfirm}
        type="password"
        error={errors.passwordConfirm}
        required
        autoComplete="new-password"
      />
    </>
  );
}
