// A signed-in person changes their password: the current one is asked for, the new one meets the policy,
// every other session ends (this one stays), and an e-mail says it happened. Wrong current passwords are
// limited per account (the sign-in back-off's policy), so a borrowed session cannot be used to guess it.
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountText } from "@/lib/i18n/vi/accounts";
import { check, hit } from "@/lib/security/rate-limit";
import { rateLimited, withLimits } from "./limits";
import { sendAccountMail } from "./mail";
import { passwordWeakness, weaknessMessage } from "./password-policy";
import { newPasswordField } from "./password-rules";

const t = accountText;
const always = () => true;

const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, t.change.currentRequired).max(1000, t.change.currentWrong),
    password: newPasswordField(t.reset.newPassword),
    passwordConfirm: z.string().max(1000),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: t.reset.confirmMismatch, when: always });

const WRONG_CURRENT = "current_password_wrong";

const changeUseCase = defineUseCase({
  name: "account.changePassword",
  permission: "account.changePassword",
  schema: ChangePasswordInput,
  entityType: "user",
  async run(input, { tx, user: me }) {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: me!.id },
      select: { id: true, email: true, fullName: true, cccd: true, dateOfBirth: true, phone: true, passwordHash: true },
    });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw new AppError("invalid", t.change.currentWrong, { currentPassword: t.change.currentWrong }, WRONG_CURRENT);
    const weakness = passwordWeakness(input.password, user);
    if (weakness) {
      const message = weaknessMessage(weakness, t.reset.newPassword);
      throw new AppError("invalid", message, { password: message }, "password_weak");
    }
    if (await verifyPassword(user.passwordHash, input.password))
      throw new AppError("invalid", t.change.sameAsCurrent, { password: t.change.sameAsCurrent }, "password_unchanged");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
    const others = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: me!.sessionId } },
      data: { revokedAt: new Date() },
    });
    await sendAccountMail(tx, user.email, { kind: "passwordChanged" });
    return { result: { otherSessionsRevoked: others.count }, entityId: user.id, details: { sessionsRevoked: others.count } };
  },
});

const limitKey = (userId: string) => ["password-change", userId];

/** Changing one's password; after 5 wrong current passwords in 15 minutes it waits (LIMITS.signInAccountClient). */
export const changePassword = withLimits(changeUseCase, {
  async before(_raw, actor) {
    if (actor.kind !== "user") return null;
    const r = await check("signInAccountClient", limitKey(actor.user.id));
    return r.ok
      ? null
      : { answer: rateLimited(t.change.rateLimited(r.retryAfterSeconds), "password_change_rate_limited"), limit: "signInAccountClient" };
  },
  async after(result, _raw, actor) {
    if (actor.kind === "user" && !result.ok && result.reason === WRONG_CURRENT) await hit("signInAccountClient", limitKey(actor.user.id));
  },
});
