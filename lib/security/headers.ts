// Security headers. The static ones (framing, sniffing, referrer, permissions, opener) are set on every
// response by next.config.ts; the Content-Security-Policy carries a nonce made for each request and
// Strict-Transport-Security depends on how the request arrived, so proxy.ts sets both. Pure: no Node-only API
// (the proxy may run on the Edge runtime).
export interface Header {
  key: string;
  value: string;
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts run only when they carry this response's nonce (Next puts it on its
 * own scripts, reading it from the request's Content-Security-Policy header), or when a script that does
 * loads them ('strict-dynamic': Next's chunks); 'self' is the fallback of browsers without CSP 3, which also
 * ignore 'strict-dynamic'. No 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React writes style
 * attributes (chart widths) and Next inline styles, and a nonce cannot cover attributes. 'unsafe-eval' only
 * in development, where React rebuilds server error stacks with eval.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; eidIssuer?: string }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(opts.dev ? ["ws:"] : [])],
    // A sign-in with the national e-ID redirects to its origin (lib/auth/options.ts).
    "form-action": ["'self'", ...originOf(opts.eidIssuer)],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

/** The origin of a configured URL (the e-ID issuer), or nothing when unset or unreadable. */
function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? [u.origin] : [];
  } catch {
    return [];
  }
}

/** The headers every response carries, whatever it is (set in next.config.ts). */
export function securityHeaders(): Header[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** Two years, subdomains included; sent only on responses to HTTPS requests (`isHttpsRequest` in lib/http/forwarded.ts). */
export const HSTS: Header = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
