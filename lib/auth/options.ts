// next-auth configuration: e-mail and password (credentials), JWT cookie holding a session id.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIpFrom } from "./request-meta";
import { absoluteTimeoutSeconds } from "./session-timeouts";
import { revokeSession } from "./sessions";
import { SignInError, signInWithPassword } from "./sign-in";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function headerGetter(h: HeaderBag): (name: string) => string | null {
  return (name) => {
    if (!h) return null;
    if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
    const v = (h as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: absoluteTimeoutSeconds() },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Thư điện tử",
      credentials: { email: { label: "Thư điện tử", type: "email" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials, req) {
        const get = headerGetter(req?.headers as HeaderBag);
        try {
          const u = await signInWithPassword(credentials, { ip: clientIpFrom(get), userAgent: get("user-agent") });
          return { id: u.id, name: u.name, email: u.email, role: u.role, sessionId: u.sessionId };
        } catch (err) {
          // next-auth hands the message to the sign-in form; only our own messages are shown as they are.
          if (err instanceof SignInError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid);
    },
  },
};
