import NextAuth from "next-auth";
import { acrOf, askedLevel } from "@/lib/auth/eid-claims";
import { authOptions, EID_ASKED_COOKIE } from "@/lib/auth/options";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth, plus one thing: an e-ID sign-in remembers the level it asked for (`acr_values`, level 1 unless
 * level 2 was asked), so the callback can refuse a token of a lower level (lib/auth/eid.ts).
 */
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const res: Response = await nextAuth(req, ctx);
  const url = new URL(req.url);
  if (req.method === "POST" && url.pathname.endsWith("/signin/eid")) {
    const secure = url.protocol === "https:" || (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
    const level = acrOf(askedLevel(url.searchParams.get("acr_values")));
    res.headers.append(
      "Set-Cookie",
      `${EID_ASKED_COOKIE}=${level}; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=900${secure ? "; Secure" : ""}`,
    );
  }
  return res;
}

export { handler as GET, handler as POST };
