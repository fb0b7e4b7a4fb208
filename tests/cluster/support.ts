// What the cluster specs share: the cluster's addresses (set by scripts/cluster/run.ts), its control
// server, the cluster database, signed-in browser contexts on a chosen node, and the printed proofs.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import pg from "pg";

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the cluster specs through \`npm run test:cluster\``);
  return v;
}

export const cluster = {
  balancer: () => need("CLUSTER_BASE"),
  nodeA: () => need("CLUSTER_NODE_A"),
  nodeB: () => need("CLUSTER_NODE_B"),
  control: () => need("CLUSTER_CONTROL"),
  readyPath: () => need("CLUSTER_READY"),
  loadCitizens: () => Number(process.env.CLUSTER_LOAD_CITIZENS || 20),
};

export type ClusterRole = "citizen" | "officer" | "agencyAdmin";

/** Where auth.setup.ts saved each role's signed-in state (sessions live in PostgreSQL: good on every node). */
export const clusterAuthFile = (role: ClusterRole) => path.join(need("CLUSTER_AUTH_DIR"), `${role}.json`);

/** A file the specs hand to each other (the filing captured in proof 1 feeds the load of proof 4). */
export const handoffFile = (name: string) => path.join(need("CLUSTER_AUTH_DIR"), `${name}.json`);
export const writeHandoff = (name: string, value: unknown) => {
  fs.mkdirSync(path.dirname(handoffFile(name)), { recursive: true });
  fs.writeFileSync(handoffFile(name), JSON.stringify(value));
};
export const readHandoff = <T>(name: string): T => JSON.parse(fs.readFileSync(handoffFile(name), "utf8")) as T;

/** A browser context signed in as `role` whose relative URLs go to `base` (a node, or the balancer). */
export async function contextOn(browser: Browser, base: string, role: ClusterRole): Promise<BrowserContext> {
  return browser.newContext({ baseURL: base, storageState: clusterAuthFile(role) });
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: need("CLUSTER_DATABASE_URL") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function controlCall<T = unknown>(method: "GET" | "POST", pathAndQuery: string): Promise<T> {
  const r = await fetch(cluster.control() + pathAndQuery, { method });
  if (!r.ok) throw new Error(`control ${pathAndQuery}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** One line in the run's output per proof, so the log says what was shown. */
export function proved(n: number, text: string): void {
  console.log(`\n  PROVED (${n}): ${text}\n`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The filing proof 1 captured from the browser: its upload and its submission (server action). */
export interface Filing {
  uploadPath: string;
  submitPath: string;
  actionId: string;
  body: string;
  attachmentId: string;
}

/** Signs in over HTTP through next-auth's credentials callback; the session cookie. */
export async function signInHttp(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }),
  });
  const session = r.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${r.status})`);
  return session.split(";")[0]!;
}

/** The captured submission's arguments ([service, idempotency key, answers]) with another key. */
export function withKey(body: string, key: string): string {
  const args = JSON.parse(body) as unknown[];
  args[1] = key;
  return JSON.stringify(args);
}

/** A request, retried on a refused connection or a 5xx (the node it reached died): at most `tries` times. */
export async function withRetry(send: () => Promise<Response>, tries = 5): Promise<{ res: Response | null; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const res = await send().catch(() => null);
    if ((res && res.status < 500) || attempt >= tries) return { res, attempts: attempt };
    await sleep(300 * attempt);
  }
}

/** One filing over HTTP as the signed-in `cookie`: upload the paper, submit under `key`; the code when acknowledged. */
export async function fileOverHttp(base: string, filing: Filing, cookie: string, key: string, paper: Buffer) {
  const up = await withRetry(() =>
    fetch(base + filing.uploadPath, {
      method: "POST",
      headers: { cookie, "content-type": "application/pdf", "x-file-name": "giay-chung-sinh.pdf" },
      body: new Uint8Array(paper),
    }),
  );
  if (!up.res || up.res.status !== 201)
    return { key, code: null as string | null, status: up.res?.status ?? 0, attempts: up.attempts, text: "" };
  const { id } = (await up.res.json()) as { id: string };
  const body = withKey(filing.body, key).replaceAll(filing.attachmentId, id);
  const sub = await withRetry(() =>
    fetch(base + filing.submitPath, {
      method: "POST",
      headers: { cookie, "next-action": filing.actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body,
    }),
  );
  const text = sub.res ? await sub.res.text() : "";
  // The action's answer is a React Flight stream: its result row is {"ok":true,…,"data":{"code":…}}.
  const code = sub.res?.status === 200 ? (/"ok":true[^\n]*?"code":"([^"]+)"/.exec(text)?.[1] ?? null) : null;
  return { key, code, status: sub.res?.status ?? 0, attempts: up.attempts + sub.attempts, text };
}
