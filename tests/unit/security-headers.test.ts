// Finding: "CSP without 'unsafe-inline' scripts (nonces), HSTS when served over HTTPS". The policy builder,
// the HTTPS rule, and the proxy that applies both to every request (proxy.ts): a fresh nonce per request, on
// the response and on the request Next renders from; HSTS only when the request came over HTTPS, a client's
// own X-Forwarded-Proto believed only when trusted proxies are configured.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security/headers";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("content security policy with a nonce", () => {
  it("allows scripts only by this response's nonce, never 'unsafe-inline', and 'unsafe-eval' only in development", () => {
    const csp = contentSecurityPolicy({ nonce: "AAAAAAAAAAAAAAAAAAAAAA==", dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    // Styles keep 'unsafe-inline' (style attributes cannot carry a nonce); scripts never.
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(directive(contentSecurityPolicy({ nonce: "x", dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("makes unpredictable nonces: 128 bits, base64, never twice", () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const n of nonces.slice(0, 20)) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("leaves the policy out of the static headers (it is per request)", () => {
    const keys = securityHeaders().map((h) => h.key.toLowerCase());
    expect(keys).not.toContain("content-security-policy");
    expect(keys).not.toContain("strict-transport-security");
    expect(keys).toEqual(expect.arrayContaining(["x-frame-options", "x-content-type-options", "referrer-policy"]));
  });
});

describe("proxy.ts", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    globalThis.portalPeerRecorded = undefined;
  });
  const run = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));

  it("gives every response its own nonce, the same on the response and on the request Next renders from", () => {
    const a = run("/");
    const b = run("/");
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(directive(csp, "script-src")).not.toContain("unsafe-inline");
    expect(/'nonce-([^']+)'/.exec(b.headers.get("content-security-policy")!)?.[1]).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) hands the request's new headers to Next this way.
    expect(a.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("sends HSTS only for HTTPS: never on a client's own X-Forwarded-Proto, but behind trusted proxies on theirs", () => {
    expect(run("/").headers.get("strict-transport-security")).toBeNull();
    expect(run("/", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.2");
    // As on the server, where lib/http/peer.ts records each request's socket peer in these headers.
    globalThis.portalPeerRecorded = true;
    const fromProxy = { "x-portal-peer-address": "10.0.0.2", "x-portal-peer-proto": "http" };
    expect(run("/", { ...fromProxy, "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(run("/", { ...fromProxy, "x-forwarded-proto": "http" }).headers.get("strict-transport-security")).toBeNull();
    // The same claim from a peer that is not a trusted proxy means nothing.
    const direct = { "x-portal-peer-address": "203.0.113.5", "x-portal-peer-proto": "http" };
    expect(run("/", { ...direct, "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBeNull();
    // A TLS socket of its own is HTTPS.
    expect(
      run("/", { "x-portal-peer-address": "203.0.113.5", "x-portal-peer-proto": "https" }).headers.get("strict-transport-security"),
    ).toBe("max-age=63072000; includeSubDomains");
  });

  it("still refuses malformed URLs before anything else", () => {
    expect(run("/thu-tuc?q=%00").status).toBe(400);
  });
});
