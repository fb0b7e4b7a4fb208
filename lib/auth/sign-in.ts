// Password sign-in, throttled by the shared limiter (lib/security/rate-limit.ts): a back-off per (account,
// client), so wrong passwords typed somewhere cannot lock the owner out anywhere else, and a budget per
// client against password spraying. Each attempt is counted atomically before its password is checked, so
// however many arrive at once, no more than the budget reach the hash; a success gives its count back.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { check, clear, hit, refund, type LimitName } from "@/lib/security/rate-limit";
import { dummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { Role } from "./permissions";
import { errorField, log } from "@/lib/ops/log";

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
  email: string | null;
}

type Meta = { ip: string; userAgent: string | null };

const AUDIT_WAIT_MS = 60_000;

/** The limits an attempt counts against, and what a refusal by each says. The client's budget first. */
function limitsOf(email: string, ip: string) {
  return [
    { name: "signInClient", parts: [ip], message: authText.tooManyFromClient },
    { name: "signInAccountClient", parts: [email, ip], message: authText.tooManyAttempts },
  ] as const satisfies readonly { name: LimitName; parts: readonly string[]; message: (minutes: number) => string }[];
}

export async function signInWithPassword(raw: unknown, meta: Meta): Promise<SignedIn> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? authText.badCredentials);
  const { email, password } = parsed.data;
  const limits = limitsOf(email, meta.ip);

  // Every attempt is audited. The chained trail takes one writer at a time, so a burst of attempts queues
  // for it: each waits up to a minute rather than the default two seconds, and an attempt that was refused
  // anyway stays refused, with the same words, if its entry still cannot be written (the server log says so).
  const audit = async (outcome: "ok" | "failed" | "denied", reason?: string, actor?: { id: string; role: Role }) => {
    const write = db.$transaction(
      (tx) =>
        recordAudit(tx, {
          actorId: actor?.id,
          actorRole: actor?.role,
          action: "auth.signIn",
          outcome,
          entityType: "user",
          entityId: actor?.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          details: reason ? { email, reason } : undefined,
        }),
      { maxWait: AUDIT_WAIT_MS, timeout: AUDIT_WAIT_MS },
    );
    if (outcome === "ok") return write;
    await write.catch((err: unknown) => log.error({ outcome, err: errorField(err) }, "auth.signIn not audited"));
  };
  // The same words whether or not the account exists: the limiter never looks the account up.
  const refused = async (message: (minutes: number) => string, retryAfterSeconds: number) => {
    const text = message(Math.max(1, Math.ceil(retryAfterSeconds / 60)));
    await audit("denied", text);
    return new SignInError(text);
  };

  // Already over a budget: refused before anything is counted or hashed.
  for (const l of limits) {
    const now = await check(l.name, l.parts);
    if (!now.ok) throw await refused(l.message, now.retryAfterSeconds);
  }
  // Counted before the password is checked, in one atomic step per key: of many concurrent attempts, only
  // the budget's worth get past this line.
  for (const l of limits) {
    const counted = await hit(l.name, l.parts);
    if (!counted.ok) throw await refused(l.message, counted.retryAfterSeconds);
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) {
    await audit("failed", authText.badCredentials, user ?? undefined);
    throw new SignInError(authText.badCredentials);
  }
  if (user.disabledAt) {
    await audit("denied", authText.disabled, user);
    throw new SignInError(authText.disabled);
  }
  // Only after the right password, so this tells nothing the usual refusal would not.
  if (!user.emailVerifiedAt) {
    await audit("denied", accountText.signIn.unverified, user);
    throw new SignInError(accountText.signIn.unverified);
  }

  // Only failures count: the owner's success forgets this client's back-off and gives the client its try back.
  await clear("signInAccountClient", [email, meta.ip]);
  await refund("signInClient", [meta.ip]);
  const sessionId = await createSession(user.id, meta);
  await audit("ok", undefined, user);
  return { id: user.id, sessionId, role: user.role, name: user.fullName, email: user.email };
}
