// next-auth configuration: e-mail and password (credentials), the national e-ID (OpenID Connect, when
// EID_ISSUER, EID_CLIENT_ID and EID_CLIENT_SECRET are set), JWT cookie holding a session id.
import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { safeNextPath } from "./safe-next";
import { askedLevel } from "./eid-claims";
import { auditEidFailure, completeEidSignIn, confirmEidLink, EidLinkError, eidConfigured } from "./eid";
import { clientIpFrom } from "./request-meta";
import { absoluteTimeoutSeconds } from "./session-timeouts";
import { revokeSession, sessionUser, type SessionUser } from "./sessions";
import { SignInError, signInWithPassword } from "./sign-in";
import { errorField, log } from "@/lib/ops/log";

/** The level an e-ID sign-in asked for (set by the route handler when the sign-in starts). */
export const EID_ASKED_COOKIE = "eid-acr-asked";

/**
 * The national e-ID as an OpenID Connect provider: discovery, authorization code with PKCE, state and nonce;
 * openid-client verifies the ID token (signature against the provider's JWKS, issuer, audience, expiry,
 * nonce). The level (`acr`) is checked by completeEidSignIn, which next-auth does not do. `prompt=login`:
 * the e-ID authenticates every time, so a step-up really reaches the level asked for.
 */
function eidProvider(): OAuthConfig<Record<string, unknown>> {
  const issuer = process.env.EID_ISSUER!.replace(/\/+$/, "");
  return {
    id: "eid",
    name: "Định danh điện tử",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: process.env.EID_CLIENT_ID,
    clientSecret: process.env.EID_CLIENT_SECRET,
    authorization: { params: { scope: "openid profile address phone identity_number", acr_values: "LoA1", prompt: "login" } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    profile(p) {
      return { id: String(p.sub), name: typeof p.name === "string" ? p.name : null, email: null };
    },
  };
}

async function requestMetaNow(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}

/** Where the e-ID sign-in was meant to return (next-auth's callback-url cookie), as a path on this site. */
function callbackPath(jar: Awaited<ReturnType<typeof cookies>>): string | null {
  const raw = jar.get("__Secure-next-auth.callback-url")?.value ?? jar.get("next-auth.callback-url")?.value;
  if (!raw) return null;
  try {
    const u = new URL(raw, "http://portal.invalid");
    return safeNextPath(`${u.pathname}${u.search}`);
  } catch {
    return null;
  }
}

/** The live session of the browser finishing an e-ID sign-in (a step-up), if any. */
async function currentSessionUser(): Promise<SessionUser | null> {
  const s = await getServerSession(authOptions);
  return s?.sessionId ? sessionUser(s.sessionId) : null;
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function headerGetter(h: HeaderBag): (name: string) => string | null {
  return (name) => {
    if (!h) return null;
    if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
    const v = (h as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}

/**
 * A credentials provider's step (a password sign-in, or the password that links an e-ID): the client's
 * address and agent from the request, the session it opens as next-auth's user. next-auth hands an error's
 * message to the sign-in form, so only our own refusals are shown as they are.
 */
async function passwordStep(
  run: (
    raw: unknown,
    meta: { ip: string; userAgent: string | null },
  ) => Promise<{ id: string; name: string; email: string | null; role: string; sessionId: string }>,
  Refusal: new (...args: never[]) => Error,
  credentials: unknown,
  headers: HeaderBag,
) {
  const get = headerGetter(headers);
  try {
    const u = await run(credentials, { ip: clientIpFrom(get), userAgent: get("user-agent") });
    return { id: u.id, name: u.name, email: u.email, role: u.role, sessionId: u.sessionId };
  } catch (err) {
    if (err instanceof Refusal) throw new Error(err.message);
    throw err;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: absoluteTimeoutSeconds() },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Thư điện tử",
      credentials: { email: { label: "Thư điện tử", type: "email" }, password: { label: "Mật khẩu", type: "password" } },
      authorize: (credentials, req) => passwordStep(signInWithPassword, SignInError, credentials, req?.headers as HeaderBag),
    }),
    // The link page: the citizen proves a password account is theirs, and it is linked to the e-ID that found it.
    CredentialsProvider({
      id: "eid-link",
      name: "Liên kết định danh điện tử",
      credentials: { token: { label: "token", type: "text" }, password: { label: "Mật khẩu", type: "password" } },
      authorize: (credentials, req) => passwordStep(confirmEidLink, EidLinkError, credentials, req?.headers as HeaderBag),
    }),
    ...(eidConfigured() ? [eidProvider()] : []),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "eid") return true;
      const jar = await cookies();
      const next = callbackPath(jar);
      const outcome = await completeEidSignIn(
        (profile ?? {}) as Record<string, unknown>,
        askedLevel(jar.get(EID_ASKED_COOKIE)?.value),
        await currentSessionUser(),
        await requestMetaNow(),
      );
      const back = next ? `&next=${encodeURIComponent(next)}` : "";
      if (outcome.kind === "link") return `/dang-nhap/lien-ket?token=${outcome.token}${back}`;
      if (outcome.kind === "refused") return `/dang-nhap?loi-eid=${outcome.reason}${back}`;
      user.sessionId = outcome.sessionId;
      return true;
    },
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sid;
      return session;
    },
  },
  logger: {
    error(code, metadata) {
      log.error(
        { code, err: errorField(metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error) },
        "next-auth error",
      );
      // An e-ID answer that failed verification (signature, issuer, audience, nonce, state, PKCE): audited.
      if (code === "OAUTH_CALLBACK_ERROR" || code === "OAUTH_CALLBACK_HANDLER_ERROR") {
        const reason = metadata instanceof Error ? metadata.message : String((metadata as { error?: Error })?.error?.message ?? code);
        void requestMetaNow()
          .then((meta) => auditEidFailure(reason, meta))
          .catch(() => {});
      }
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid);
    },
  },
};
