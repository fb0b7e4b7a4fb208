// Opening the verification link: the token is used once, and the account can sign in from then on.
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { accountText } from "@/lib/i18n/vi/accounts";
import { consumeToken } from "./tokens";

const VerifyEmailInput = z.object({ token: z.string().max(200) });

export const verifyEmail = defineUseCase({
  name: "account.verifyEmail",
  permission: "public",
  schema: VerifyEmailInput,
  entityType: "user",
  async run(input, { tx }) {
    const now = new Date();
    const userId = await consumeToken(tx, input.token, "VERIFY_EMAIL", now);
    if (!userId) throw new AppError("invalid", accountText.verify.invalid, undefined, "token_invalid");
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    return { result: { verified: true }, entityId: userId };
  },
});
