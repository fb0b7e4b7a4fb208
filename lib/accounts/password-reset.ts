// A forgotten password: a link by e-mail, then a new password. Asking for the link always gets the same
// answer, whether or not the address has an account. Limits: per client address (refused, with when to
// retry) and per account (quietly no more e-mails: the answer stays the same, and nobody's inbox can be
// flooded). The link is single-use, expires in 30 minutes, and a newer link or a successful reset voids it.
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { hashPassword } from "@/lib/auth/password";
import { accountText } from "@/lib/i18n/vi/accounts";
import { hit } from "@/lib/security/rate-limit";
import { rateLimited, withLimits } from "./limits";
import { sendAccountMail } from "./mail";
import { passwordWeakness, weaknessMessage } from "./password-policy";
import { newPasswordField } from "./password-rules";
import { consumeToken, issueToken, revokeTokens } from "./tokens";

const t = accountText;

const ResetRequestInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email(t.errors.email).max(254, t.errors.email)),
});

const requestUseCase = defineUseCase({
  name: "account.requestPasswordReset",
  permission: "public",
  schema: ResetRequestInput,
  entityType: "user",
  async run(input, { tx }) {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, disabledAt: true } });
    if (user && !user.disabledAt) {
      const token = await issueToken(tx, user.id, "RESET_PASSWORD");
      await sendAccountMail(tx, user.email, { kind: "reset", token });
    }
    return { result: { accepted: true }, entityId: user?.id };
  },
});

/** "Forgot password": the same answer for every address; limited per client and per account. */
export const requestPasswordReset = withLimits(requestUseCase, {
  async before(raw, _actor, meta) {
    const parsed = ResetRequestInput.safeParse(raw);
    if (!parsed.success) return null;
    const client = await hit("passwordResetClient", [meta.ip]);
    if (!client.ok)
      return {
        answer: rateLimited(t.forgot.rateLimited(client.retryAfterSeconds), "password_reset_rate_limited"),
        limit: "passwordResetClient",
      };
    const account = await hit("passwordResetAccount", [parsed.data.email]);
    if (!account.ok) return { answer: { ok: true, data: { accepted: true } }, limit: "passwordResetAccount" };
    return null;
  },
});

const always = () => true;

const ResetPasswordInput = z
  .object({
    token: z.string().max(200),
    password: newPasswordField(t.reset.newPassword),
    passwordConfirm: z.string().max(1000),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: t.reset.confirmMismatch, when: always });

/** Setting the new password from the link: the policy applies, every session ends, the link is spent. */
export const resetPassword = defineUseCase({
  name: "account.resetPassword",
  permission: "public",
  schema: ResetPasswordInput,
  entityType: "user",
  async run(input, { tx }) {
    const now = new Date();
    const userId = await consumeToken(tx, input.token, "RESET_PASSWORD", now);
    if (!userId) throw new AppError("invalid", t.reset.invalid, undefined, "token_invalid");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, fullName: true, cccd: true, dateOfBirth: true, phone: true, emailVerifiedAt: true },
    });
    // A weak password rolls the transaction back, so the link still works for a better one.
    const weakness = passwordWeakness(input.password, user);
    if (weakness) {
      const message = weaknessMessage(weakness, t.reset.newPassword);
      throw new AppError("invalid", message, { password: message }, "password_weak");
    }
    await tx.user.update({
      where: { id: user.id },
      // The link reached the mailbox: that proves the address as well as a verification link would.
      data: { passwordHash: await hashPassword(input.password), emailVerifiedAt: user.emailVerifiedAt ?? now },
    });
    const sessions = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await revokeTokens(tx, user.id, "RESET_PASSWORD");
    await sendAccountMail(tx, user.email, { kind: "passwordChanged" });
    return { result: { reset: true }, entityId: user.id, details: { sessionsRevoked: sessions.count } };
  },
});
