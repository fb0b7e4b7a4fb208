// The benchmark's HTTP side: fetch with retries, signing in through next-auth's credentials callback, the
// filing action's id from the build, and a page's first-load JavaScript.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BENCH_PASSWORD } from "./generate";

/** fetch, retried when a kept-alive socket the server already closed fails (after a long idle load run). */
export async function http(input: string | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(input, init);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

export async function signIn(base: string, email: string): Promise<string> {
  const csrf = await http(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await http(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: "true", callbackUrl: base }),
  });
  const session = r.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${r.status})`);
  return session.split(";")[0]!;
}

/** The id of the filing page's submitAction, from the build's server reference manifest. */
export function submitActionId(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const onFilingPage = Object.keys(entry.workers).some((w) => w.includes("nop-ho-so"));
    if (onFilingPage && entry.exportedName === "submitAction") return id;
  }
  // Older manifests have no exportedName: find the id next to the name in the filing page's client chunks.
  const chunks = path.join(root, ".next", "static", "chunks");
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(chunks)) {
    const m = /createServerReference\)\("([0-9a-f]{40,})"[^)]*"submitAction"\)/.exec(fs.readFileSync(f, "utf8"));
    if (m) return m[1]!;
  }
  throw new Error("submitAction not found in the build");
}

export async function firstLoadJs(base: string, pagePath: string): Promise<{ path: string; scripts: number; gzipBytes: number } | null> {
  const r = await http(base + pagePath);
  if (!r.ok) return null;
  const html = await r.text();
  // Every script a modern browser loads for the page (the `noModule` polyfills are for old ones only).
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/\bnoModule\b/i.test(t));
  const srcs = [...new Set(tags.map((t) => /\bsrc="([^"]+\.js[^"]*)"/.exec(t)?.[1]).filter((s): s is string => !!s))];
  let total = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await http(new URL(src, base))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).byteLength;
  }
  return { path: pagePath, scripts: srcs.length, gzipBytes: total };
}
