// Where the portal may send requests of its own (agencies' push endpoints): only to public addresses. An
// address is classified from its bytes (IPv4, IPv6, and the IPv6 forms that carry an IPv4 address inside:
// mapped, compatible, NAT64, 6to4), never from its spelling: the WHATWG URL parser has already turned
// the literal tricks (`http://2130706433/`, `http://0x7f.1/`, `http://0177.0.0.1/`) into `127.0.0.1`.
// Non-public addresses are refused unless the operator allowlists them (PUSH_ALLOW_PRIVATE_HOSTS: the
// demo's and tests' local receivers; a production start refuses loopback, link-local and the like there).
// Pure, apart from the default resolver (DNS).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

type Env = Readonly<Record<string, string | undefined>>;

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "unique_local"
  | "shared"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "ipv4_mapped"
  | "ipv4_compatible"
  | "reserved"
  | "invalid";

interface Parsed {
  version: 4 | 6;
  bytes: Uint8Array;
}

/** Strict dotted-decimal IPv4 (what DNS answers and what the URL parser writes); null otherwise. */
function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (const [i, p] of parts.entries()) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/** IPv6 with `::` and a trailing dotted IPv4; a zone id (`%eth0`) is refused. */
function parseIPv6(input: string): Uint8Array | null {
  let s = input;
  if (s.includes("%")) return null;
  const lastColon = s.lastIndexOf(":");
  if (lastColon < 0) return null;
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    const v4 = parseIPv4(last);
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  let groups: string[];
  if (halves.length === 1) {
    if (head.length !== 8) return null;
    groups = head;
  } else {
    if (head.length + tail.length > 7) return null;
    groups = [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
  }
  const out = new Uint8Array(16);
  for (const [i, g] of groups.entries()) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    out[2 * i] = n >> 8;
    out[2 * i + 1] = n & 0xff;
  }
  return out;
}

/** An address as bytes; brackets around IPv6 (as in a URL's hostname) are accepted. */
function parseIp(text: string): Parsed | null {
  const s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v4 = parseIPv4(s);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = s.includes(":") ? parseIPv6(s) : null;
  return v6 ? { version: 6, bytes: v6 } : null;
}

interface Cidr {
  version: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

function inPrefix(bytes: Uint8Array, net: Uint8Array, prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((bytes[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
}

function cidr(text: string): Cidr {
  const [addr, len] = text.split("/");
  const p = parseIp(addr!)!;
  return { ...p, prefix: len === undefined ? p.bytes.length * 8 : Number(len) };
}

const contains = (c: Cidr, p: Parsed) => c.version === p.version && inPrefix(p.bytes, c.bytes, c.prefix);

// IANA's IPv4 special-purpose registry, the parts that matter for where a request may go.
const V4: [string, AddressClass][] = [
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link_local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
];
const V4_RANGES = V4.map(([c, k]) => [cidr(c), k] as const);

function classifyV4(bytes: Uint8Array): AddressClass {
  const p: Parsed = { version: 4, bytes };
  return V4_RANGES.find(([c]) => contains(c, p))?.[1] ?? "public";
}

const V6 = {
  unspecified: cidr("::/128"),
  loopback: cidr("::1/128"),
  mapped: cidr("::ffff:0:0/96"),
  compatible: cidr("::/96"),
  nat64: cidr("64:ff9b::/96"),
  global: cidr("2000::/3"),
  ietf: cidr("2001::/23"),
  documentation: cidr("2001:db8::/32"),
  documentation2: cidr("3fff::/20"),
  sixToFour: cidr("2002::/16"),
  uniqueLocal: cidr("fc00::/7"),
  linkLocal: cidr("fe80::/10"),
  siteLocal: cidr("fec0::/10"),
  multicast: cidr("ff00::/8"),
};

function classifyV6(bytes: Uint8Array): AddressClass {
  const p: Parsed = { version: 6, bytes };
  if (contains(V6.unspecified, p)) return "unspecified";
  if (contains(V6.loopback, p)) return "loopback";
  if (contains(V6.mapped, p)) return "ipv4_mapped";
  if (contains(V6.compatible, p)) return "ipv4_compatible";
  // NAT64 (RFC 6052) reaches the IPv4 address in its last 32 bits: it is what that address is.
  if (contains(V6.nat64, p)) return classifyV4(bytes.subarray(12));
  if (contains(V6.uniqueLocal, p)) return "unique_local";
  if (contains(V6.linkLocal, p)) return "link_local";
  if (contains(V6.siteLocal, p)) return "private";
  if (contains(V6.multicast, p)) return "multicast";
  if (!contains(V6.global, p)) return "reserved";
  if (contains(V6.documentation, p) || contains(V6.documentation2, p)) return "documentation";
  // Teredo, ORCHID, benchmarking and the rest of the IETF block.
  if (contains(V6.ietf, p)) return "reserved";
  // 6to4 carries an IPv4 address in bits 16–47.
  if (contains(V6.sixToFour, p)) return classifyV4(bytes.subarray(2, 6));
  return "public";
}

/** What kind of address this is; "invalid" for anything that is not one address. */
export function classifyAddress(text: string): AddressClass {
  const p = parseIp(text);
  if (!p) return "invalid";
  return p.version === 4 ? classifyV4(p.bytes) : classifyV6(p.bytes);
}

// ---- Policy ---------------------------------------------------------------------------------------------

export interface OutboundPolicy {
  /** Addresses (or CIDR ranges) allowed although not public. */
  allow: Cidr[];
  /** Whether plain http:// endpoints are accepted. */
  allowHttp: boolean;
}

/** Parses PUSH_ALLOW_PRIVATE_HOSTS: comma-separated addresses or CIDR ranges; a malformed entry is skipped (and reported by the start-up check). */
function parseAllowlist(text: string | undefined): { ok: Cidr[]; bad: string[] } {
  const ok: Cidr[] = [];
  const bad: string[] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr, len, extra] = entry.split("/");
    const p = addr ? parseIp(addr) : null;
    const max = p ? p.bytes.length * 8 : 0;
    const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : -1;
    if (!p || extra !== undefined || prefix < 0 || prefix > max) bad.push(entry);
    else ok.push({ ...p, prefix });
  }
  return { ok, bad };
}

export function outboundPolicy(env: Env = process.env): OutboundPolicy {
  return { allow: parseAllowlist(env.PUSH_ALLOW_PRIVATE_HOSTS).ok, allowHttp: env.PUSH_ALLOW_HTTP === "true" };
}

/** Whether a request may go to this address under the policy. */
export function addressAllowed(address: string, policy: OutboundPolicy): boolean {
  const p = parseIp(address);
  if (!p) return false;
  if (classifyAddress(address) === "public") return true;
  return policy.allow.some((c) => contains(c, p));
}

export type UrlRefusal = "invalid_url" | "https_required" | "blocked_address";

/**
 * What can be said of an endpoint URL without DNS: http(s) only, no credentials, https unless the policy
 * allows http, and a literal address that is allowed. Null when nothing is wrong so far.
 */
export function urlRefusal(url: string, policy: OutboundPolicy): UrlRefusal | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "invalid_url";
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return "invalid_url";
  if (u.username || u.password || !u.hostname) return "invalid_url";
  const host = hostOf(u);
  if (isIP(host) && !addressAllowed(host, policy)) return "blocked_address";
  if (u.protocol === "http:" && !policy.allowHttp) return "https_required";
  return null;
}

/** The host to resolve or connect to, as the URL parser wrote it (an IPv6 literal without its brackets). */
export function hostOf(u: URL): string {
  return u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname;
}

// ---- Resolving, once, and checking every address -------------------------------------------------------

interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into its addresses. Tests inject one; the default asks the system's resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) => {
  const all = await lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(`${host} resolves to ${address} (${addressClass}), which the portal does not connect to`);
    this.name = "BlockedAddressError";
  }
}

/**
 * The one address to connect to: the host resolved once, every answer checked (one bad answer refuses
 * the host: a name that mixes public and private answers is not trusted), the first answer returned.
 * The caller connects to that address, so a second DNS answer (rebinding) cannot switch it.
 */
export async function resolveChecked(host: string, opts: { resolve?: Resolver; policy?: OutboundPolicy; timeoutMs?: number } = {}) {
  const policy = opts.policy ?? outboundPolicy();
  if (isIP(host)) {
    if (!addressAllowed(host, policy)) throw new BlockedAddressError(host, host, classifyAddress(host));
    return { address: host, family: isIP(host) as 4 | 6 };
  }
  const resolve = opts.resolve ?? systemResolver;
  const timeoutMs = opts.timeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const answers = await Promise.race([
    resolve(host),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: "ETIMEOUT" })), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  if (answers.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  for (const a of answers) {
    if (!addressAllowed(a.address, policy)) throw new BlockedAddressError(host, a.address, classifyAddress(a.address));
  }
  return answers[0]!;
}

// ---- Production start ------------------------------------------------------------------------------------

/** Ranges no agency endpoint can legitimately be in, whatever the network: never allowlisted in production. */
const NEVER_IN_PRODUCTION = [
  "0.0.0.0/8",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "224.0.0.0/3",
  "::/96",
  "::ffff:0:0/96",
  "fe80::/10",
  "ff00::/8",
  "64:ff9b::7f00:0/104",
  "64:ff9b::a9fe:0/112",
].map(cidr);

const overlaps = (a: Cidr, b: Cidr) =>
  a.version === b.version && (inPrefix(a.bytes, b.bytes, b.prefix) || inPrefix(b.bytes, a.bytes, a.prefix));

/**
 * Why the outbound settings must not serve production (empty when they may): plain http allowed, a
 * malformed allowlist entry, or an allowlisted range that covers loopback, link-local (cloud metadata),
 * "this network", multicast or IPv4 in IPv6. Private ranges (RFC 1918, unique-local) may be allowlisted
 * for agencies on a government private network; that is the operator's explicit choice.
 */
export function productionOutboundProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.PUSH_ALLOW_HTTP === "true") problems.push("PUSH_ALLOW_HTTP=true: push endpoints must use https in production");
  const { ok, bad } = parseAllowlist(env.PUSH_ALLOW_PRIVATE_HOSTS);
  for (const b of bad) problems.push(`PUSH_ALLOW_PRIVATE_HOSTS entry "${b}" is not an address or CIDR range`);
  for (const c of ok) {
    if (NEVER_IN_PRODUCTION.some((n) => overlaps(c, n)))
      problems.push(
        `PUSH_ALLOW_PRIVATE_HOSTS allows ${c.version === 4 ? "an IPv4" : "an IPv6"} range covering loopback, link-local or another address no agency endpoint has (${formatCidr(c)})`,
      );
  }
  return problems;
}

function formatCidr(c: Cidr): string {
  const addr =
    c.version === 4
      ? [...c.bytes].join(".")
      : Array.from({ length: 8 }, (_, i) => ((c.bytes[2 * i]! << 8) | c.bytes[2 * i + 1]!).toString(16)).join(":");
  return `${addr}/${c.prefix}`;
}
