// Password sign-in with rate limits per account and per client address.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { dummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { Role } from "./permissions";

const RATE_WINDOW_MINUTES = 15;
/** Failed attempts on one account (since its last success) within the window before it is paused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts from one address within the window before it is paused. */
const MAX_FAILURES_PER_IP = 30;

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}

const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, authText.emailRequired).max(254),
  password: z.string().min(1, authText.passwordRequired).max(256),
});

export interface SignedIn {
  id: string;
  sessionId: string;
  role: Role;
  name: string;
  email: string;
}

async function failuresSince(where: { email?: string; ip?: string }): Promise<number> {
  const windowStart = new Date(Date.now() - RATE_WINDOW_MINUTES * 60_000);
  let since = windowStart;
  if (where.email) {
    const lastOk = await db.loginAttempt.findFirst({
      where: { email: where.email, success: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (lastOk) since = lastOk.createdAt;
  }
  return db.loginAttempt.count({ where: { ...where, success: false, createdAt: { gt: since } } });
}

export async function signInWithPassword(raw: unknown, meta: { ip: string; userAgent: string | null }): Promise<SignedIn> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? authText.badCredentials);
  const { email, password } = parsed.data;

  const fail = async (message: string, outcome: "failed" | "denied", actor?: { id: string; role: Role }) => {
    await db.loginAttempt.create({ data: { email, ip: meta.ip, success: false } });
    await recordAudit(db, {
      actorId: actor?.id,
      actorRole: actor?.role,
      action: "auth.signIn",
      outcome,
      entityType: "user",
      entityId: actor?.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      details: { email, reason: message },
    });
    return new SignInError(message);
  };

  if ((await failuresSince({ ip: meta.ip })) >= MAX_FAILURES_PER_IP)
    throw await fail(authText.lockedAddress(RATE_WINDOW_MINUTES), "denied");
  if ((await failuresSince({ email })) >= MAX_FAILURES_PER_ACCOUNT) throw await fail(authText.lockedAccount(RATE_WINDOW_MINUTES), "denied");

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) throw await fail(authText.badCredentials, "failed", user ?? undefined);
  if (user.disabledAt) throw await fail(authText.disabled, "denied", user);
  // Only after the right password, so this tells nothing the usual refusal would not.
  if (!user.emailVerifiedAt) throw await fail(accountText.signIn.unverified, "denied", user);

  const sessionId = await createSession(user.id, meta);
  await db.loginAttempt.create({ data: { email, ip: meta.ip, success: true } });
  await recordAudit(db, {
    actorId: user.id,
    actorRole: user.role,
    action: "auth.signIn",
    entityType: "user",
    entityId: user.id,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return { id: user.id, sessionId, role: user.role, name: user.fullName, email: user.email };
}
