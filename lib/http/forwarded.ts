// Who the client is and whether it came over HTTPS, believing X-Forwarded-For and X-Forwarded-Proto only
// from the proxies named in TRUSTED_PROXIES. Next's server passes a client's own X-Forwarded-For through
// untouched (it fills the header from the socket only when it is absent), so the rightmost entry is whatever
// a client that reaches the app directly wrote. The address of the socket's peer comes instead from
// lib/http/peer.ts, which records it in a header of its own as each request arrives.
//
// Deployment assumption: behind nginx (or any proxy) that appends the address it saw to X-Forwarded-For
// (`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`) and sets X-Forwarded-Proto ($scheme);
// its address is listed in TRUSTED_PROXIES. A peer not listed is the client itself, whatever it claims.
import { BlockList, isIP } from "node:net";

/** Set by lib/http/peer.ts on every request: the socket's remote address, and "https" or "http". */
export const PEER_ADDRESS_HEADER = "x-portal-peer-address";
export const PEER_PROTO_HEADER = "x-portal-peer-proto";

type HeaderGet = (name: string) => string | null | undefined;

/** The socket's peer as lib/http/peer.ts recorded it (null when nothing recorded it in this process). */
export interface Peer {
  address: string;
  https: boolean;
}

/** Named ranges accepted in TRUSTED_PROXIES beside addresses and CIDR blocks. */
const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * An address as written in a header or by a socket: brackets and a port taken off ("[2001:db8::1]:443",
 * "203.0.113.9:5123"), IPv4-mapped IPv6 ("::ffff:203.0.113.9") as IPv4, lower case. Null when not an address.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let s = (raw ?? "").trim().toLowerCase();
  if (!s) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const zone = s.indexOf("%");
  if (zone > 0) s = s.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s : null;
}

export interface TrustedProxies {
  /** Whether the address is one of the configured proxies. */
  has(address: string): boolean;
  /** The entries that could not be read (a production start refuses them: lib/startup.ts). */
  invalid: string[];
  /** Nothing configured: no forwarded header is believed. */
  none: boolean;
}

/** Reads a TRUSTED_PROXIES value: addresses, CIDR blocks and the names `loopback`, `private`, split by commas or spaces. */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  const invalid: string[] = [];
  let count = 0;
  const entries = (spec ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries.flatMap((e) => NAMED[e.toLowerCase()] ?? [e])) {
    const [addr, prefixText, extra] = entry.split("/");
    const address = normalizeAddress(addr);
    const family = address ? isIP(address) : 0;
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      invalid.push(entry);
      continue;
    }
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
    count += 1;
  }
  return {
    has: (a) => {
      const n = normalizeAddress(a);
      return !!n && list.check(n, isIP(n) === 4 ? "ipv4" : "ipv6");
    },
    invalid,
    none: count === 0,
  };
}

let cached: { spec: string | undefined; proxies: TrustedProxies } | undefined;

/** The configured proxies (TRUSTED_PROXIES), read again whenever the setting changes. */
function trustedProxies(): TrustedProxies {
  const spec = process.env.TRUSTED_PROXIES;
  if (!cached || cached.spec !== spec) cached = { spec, proxies: parseTrustedProxies(spec) };
  return cached.proxies;
}

function listOf(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
}

/**
 * The client's address. `peer` is the socket's remote address (lib/http/peer.ts); when nothing recorded it,
 * the rightmost X-Forwarded-For entry stands in for it (Next writes the socket's address there when the
 * client sent none). A peer that is not a trusted proxy is the client. Behind trusted proxies, X-Forwarded-For
 * is walked from the right past every trusted hop; the first address that is not a proxy is the client
 * (when every hop is a proxy, the leftmost one; when a proxy sent no X-Forwarded-For, its X-Real-IP).
 */
export function clientAddress(get: HeaderGet, trusted: TrustedProxies, peer: string | null): string {
  const hops = listOf(get("x-forwarded-for"));
  let current = peer !== null ? normalizeAddress(peer) : normalizeAddress(hops.pop());
  if (!current) return "unknown";
  if (!trusted.has(current)) return current;
  // The peer is a proxy of ours: what it says of the hops before it is believed, one hop at a time.
  if (peer !== null && hops.length === 0) {
    const realIp = normalizeAddress(get("x-real-ip"));
    if (realIp) return realIp;
  }
  while (hops.length > 0) {
    const hop = normalizeAddress(hops.pop());
    // A proxy of ours forwarded something that is not an address: nothing to its left can be checked.
    if (!hop) return current;
    current = hop;
    if (!trusted.has(hop)) return hop;
  }
  return current;
}

/**
 * Whether the request reached the portal over HTTPS: the socket itself was TLS, or a trusted proxy says so
 * in X-Forwarded-Proto (its first value, the scheme the client used). A client's own X-Forwarded-Proto counts
 * for nothing.
 */
export function forwardedHttps(get: HeaderGet, trusted: TrustedProxies, peer: Peer | null): boolean {
  if (peer?.https) return true;
  const address = peer ? peer.address : listOf(get("x-forwarded-for")).pop();
  if (!address || !trusted.has(address)) return false;
  return listOf(get("x-forwarded-proto"))[0]?.toLowerCase() === "https";
}

declare global {
  // Set once lib/http/peer.ts records the socket's peer on every request of this process.
  var portalPeerRecorded: boolean | undefined;
}

/** The socket's peer as recorded for this request, or null when this process does not record it. */
export function socketPeer(get: HeaderGet): Peer | null {
  // Without the recorder, a header of that name is the client's own: ignored.
  if (!globalThis.portalPeerRecorded) return null;
  // With it, a request without the header arrived before the recorder was installed (the first moment of a
  // start): its peer is not known, and what it claims is not taken instead.
  return { address: get(PEER_ADDRESS_HEADER) ?? "unknown", https: get(PEER_PROTO_HEADER) === "https" };
}

/** The client's address of a request, by its headers (TRUSTED_PROXIES and the recorded peer). */
export function clientAddressOf(get: HeaderGet): string {
  return clientAddress(get, trustedProxies(), socketPeer(get)?.address ?? null).slice(0, 64);
}

/** Whether a request came over HTTPS (a TLS socket, or a trusted proxy's X-Forwarded-Proto), by its headers. */
export function isHttpsRequest(get: HeaderGet): boolean {
  return forwardedHttps(get, trustedProxies(), socketPeer(get));
}
