// No 500 on any input: every page and route under app/, found by walking the tree (so a new route is covered
// without editing this file), is sent malformed path segments and query strings, anonymously and as each
// role, with GET (and POST for route handlers). Any 5xx — or no answer — fails the test, naming the URL.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./helpers";

type Route = { kind: "page" | "route"; segments: string[]; keys: string[] };

const APP = path.join(process.cwd(), "app");
const PLAIN = "1";
// ~12 bad values per dynamic segment, already in their on-the-wire (percent-encoded) form.
const BAD_SEGMENTS = [
  "%",
  "%25",
  "%E0%A4%A",
  "%C0%AF", // overlong "/"
  "%C0%80", // overlong NUL
  "%00",
  "-1",
  "99999999999999999999999",
  "1e309",
  "..%2F..%2Fetc",
  "%3Cscript%3E'%22",
  "a".repeat(10_000),
];
const BAD_QUERY_VALUES = ["%", "%E0%A4%A", "%00", "-1", "1e309", "99999999999999999999", "2026-99-99", "2026-13", "__proto__"];
// Keys every page may read; each page's own keys are added from its source.
const COMMON_KEYS = ["q", "trang", "page", "tu-ngay", "den-ngay", "tu", "den", "nam", "thang", "sau", "truoc", "tab", "next", "ve"];
const BAD_BODIES = ["{", '{"a":"\\u0000"}', '{"amount":1e309,"id":-1}', "\u0000"];

/** Query keys a page or route reads, as far as its own source shows (sp.x, sp["x"], one("x"), searchParams.get("x")). */
function keysIn(source: string): string[] {
  const found = new Set<string>();
  for (const re of [/\bsp\.([a-zA-Z]+)/g, /\bsp\["([^"]+)"\]/g, /\bone\("([^"]+)"\)/g, /searchParams\.get\("([^"]+)"\)/g]) {
    for (const m of source.matchAll(re)) if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/** Every page.tsx and route.ts under app/: route groups dropped, private folders and parallel slots skipped. */
function walk(dir: string, segments: string[], out: Route[]): Route[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith("_") || e.name.startsWith("@")) continue;
      const group = e.name.startsWith("(") && e.name.endsWith(")");
      walk(full, group ? segments : [...segments, e.name], out);
    } else if (e.name === "page.tsx" || e.name === "route.ts") {
      const kind = e.name === "page.tsx" ? "page" : "route";
      out.push({ kind, segments, keys: keysIn(fs.readFileSync(full, "utf8")) });
    }
  }
  return out;
}

const isDynamic = (s: string) => s.startsWith("[") && s.endsWith("]");
const urlOf = (segments: string[], values: Map<number, string>) =>
  "/" + segments.map((s, i) => values.get(i) ?? (isDynamic(s) ? PLAIN : s)).join("/");

type Probe = { method: "GET" | "POST"; url: string; body?: string };

/** A bounded set of requests for one route: each dynamic segment × bad values, then bad query strings (and bodies). */
function probesFor(r: Route): Probe[] {
  const probes: Probe[] = [];
  const methods: Probe["method"][] = r.kind === "page" ? ["GET"] : ["GET", "POST"];
  r.segments.forEach((s, i) => {
    if (!isDynamic(s)) return;
    BAD_SEGMENTS.forEach((v, n) => {
      for (const method of n < 6 ? methods : ["GET" as const]) probes.push({ method, url: urlOf(r.segments, new Map([[i, v]])) });
    });
  });
  const base = urlOf(r.segments, new Map());
  const keys = [...new Set([...r.keys, ...COMMON_KEYS])];
  for (const v of BAD_QUERY_VALUES) probes.push({ method: "GET", url: `${base}?${keys.map((k) => `${k}=${v}`).join("&")}` });
  probes.push({ method: "GET", url: `${base}?${keys.map((k) => `${k}=1&${k}=2&${k}=-1`).join("&")}` }); // repeated
  probes.push({ method: "GET", url: `${base}?${keys.map((k) => `${k}[]=1&${k}[x]=2`).join("&")}` }); // arrays
  probes.push({ method: "GET", url: `${base}?${keys[0]}=${"x".repeat(10_000)}` }); // very long
  if (r.kind === "route") for (const body of BAD_BODIES) probes.push({ method: "POST", url: base, body });
  return probes;
}

const ROUTES = walk(APP, [], []);

async function run(api: APIRequestContext, who: string, probes: Probe[], concurrency = 4): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  async function worker() {
    while (next < probes.length) {
      const p = probes[next++]!;
      const shown = `${who} ${p.method} ${p.url.length > 160 ? `${p.url.slice(0, 160)}…(${p.url.length} chars)` : p.url}`;
      try {
        const res = await api.fetch(p.url, {
          method: p.method,
          data: p.body,
          headers: p.body ? { "Content-Type": "application/json" } : undefined,
          maxRedirects: 0,
          timeout: 20_000,
        });
        if (res.status() >= 500) failures.push(`${shown} → ${res.status()}`);
        await res.dispose();
      } catch (err) {
        failures.push(`${shown} → no answer (${String(err).split("\n")[0]})`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

async function reachable(api: APIRequestContext, routes: Route[]): Promise<Route[]> {
  const open = await Promise.all(
    routes.map(async (r) => {
      const res = await api.get(urlOf(r.segments, new Map()), { maxRedirects: 0, timeout: 20_000 });
      const location = res.headers()["location"] ?? "";
      await res.dispose();
      return !(res.status() === 401 || res.status() === 403 || location.includes("/dang-nhap"));
    }),
  );
  return routes.filter((_, i) => open[i]);
}

async function signedIn(api: APIRequestContext, who: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: who.email, password: who.password, json: "true" },
    maxRedirects: 0,
  });
  const session = (await (await api.get("/api/phien")).json()) as { user: unknown };
  expect(session.user, `signed in as ${who.email}`).not.toBeNull();
}

const ACTORS = {
  anonymous: null,
  citizen: DEMO.citizen,
  officer: DEMO.officer,
  "agency admin": DEMO.agencyAdmin,
  "VPCP admin": DEMO.admin,
} as const;

test.describe.configure({ mode: "parallel" });

test("the walk finds the app's pages and routes, dynamic segments included", () => {
  expect(ROUTES.filter((r) => r.kind === "page").length).toBeGreaterThan(40);
  expect(ROUTES.filter((r) => r.kind === "route").length).toBeGreaterThan(10);
  expect(ROUTES.some((r) => r.segments.join("/") === "can-bo/ho-so/[code]/phieu-kiem-soat/pdf")).toBe(true);
  expect(ROUTES.some((r) => r.segments.join("/") === "api/auth/[...nextauth]")).toBe(true);
});

for (const [name, account] of Object.entries(ACTORS)) {
  test(`no 5xx on malformed input: ${name}`, async ({ playwright, baseURL }) => {
    test.setTimeout(180_000);
    const api = await playwright.request.newContext({ baseURL });
    if (account) await signedIn(api, account);
    // A role fuzzes only what it may open and a visitor may not: the anonymous run covers every route up to
    // the sign-in door and every public page in full, so the signed-in runs spend their time behind it (route
    // handlers are fuzzed by every role: a body is read only past the session check).
    let routes = ROUTES;
    if (account) {
      const visitor = await playwright.request.newContext({ baseURL });
      const open = new Set(await reachable(visitor, ROUTES));
      await visitor.dispose();
      routes = (await reachable(api, ROUTES)).filter((r) => r.kind === "route" || !open.has(r));
    }
    const probes = routes.flatMap(probesFor);
    const failures = await run(api, name, probes, 6);
    await api.dispose();
    expect(failures, `${failures.length} of ${probes.length} requests answered 5xx`).toEqual([]);
  });
}
