// X-Forwarded-For is believed only from configured proxies (finding: the rightmost entry was trusted
// whoever sent it, so any client could pick its own rate-limit bucket). The socket's peer is recorded by
// lib/http/peer.ts; these tests give it directly, and one test runs the recorder on a real HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  clientAddress,
  clientAddressOf,
  forwardedHttps,
  isHttpsRequest,
  normalizeAddress,
  parseTrustedProxies,
  PEER_ADDRESS_HEADER,
  PEER_PROTO_HEADER,
  socketPeer,
} from "@/lib/http/forwarded";
import { recordSocketPeers } from "@/lib/http/peer";

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const NONE = parseTrustedProxies(undefined);
const NGINX = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");

afterEach(() => {
  globalThis.portalPeerRecorded = undefined;
  delete process.env.TRUSTED_PROXIES;
});

describe("X-Forwarded-For from an untrusted peer is ignored", () => {
  it("takes the socket's peer as the client whatever it claims", () => {
    const forged = headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(clientAddress(forged, NONE, "198.51.100.4")).toBe("198.51.100.4");
    // Proxies configured, but this peer is not one of them.
    expect(clientAddress(forged, NGINX, "198.51.100.4")).toBe("198.51.100.4");
    // A forged chain that names a trusted proxy changes nothing either.
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.5" }), NGINX, "198.51.100.4")).toBe("198.51.100.4");
  });

  it("believes no X-Forwarded-Proto from an untrusted peer", () => {
    const get = headers({ "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.1" });
    expect(forwardedHttps(get, NGINX, { address: "198.51.100.4", https: false })).toBe(false);
    expect(forwardedHttps(get, NGINX, { address: "198.51.100.4", https: true })).toBe(true); // a TLS socket
  });

  it("ignores a client's own peer header when no recorder runs in the process", () => {
    const get = headers({ [PEER_ADDRESS_HEADER]: "192.0.2.1", "x-forwarded-for": "203.0.113.8" });
    expect(socketPeer(get)).toBeNull();
    // Without the recorder, the rightmost hop stands for the peer (what Next writes when the client sent none).
    expect(clientAddressOf(get)).toBe("203.0.113.8");
  });
});

describe("X-Forwarded-For from a trusted proxy is honoured", () => {
  it("walks from the right past the trusted hops to the first address that is not a proxy", () => {
    const get = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.1.2.3" });
    expect(clientAddress(get, NGINX, "127.0.0.1")).toBe("203.0.113.5");
  });

  it("takes the leftmost hop when every hop is a proxy, and X-Real-IP when the proxy sent no X-Forwarded-For", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "10.0.0.9, 10.0.0.8" }), NGINX, "127.0.0.1")).toBe("10.0.0.9");
    expect(clientAddress(headers({ "x-real-ip": "203.0.113.77" }), NGINX, "127.0.0.1")).toBe("203.0.113.77");
    expect(clientAddress(headers({}), NGINX, "127.0.0.1")).toBe("127.0.0.1");
  });

  it("stops at a hop that is not an address: nothing to its left can be checked", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.5, nonsense, 10.0.0.3" }), NGINX, "127.0.0.1")).toBe("10.0.0.3");
  });

  it("reads IPv6, IPv4-mapped peers, brackets and ports", () => {
    const v6 = parseTrustedProxies("2001:db8:1::/48 loopback");
    expect(clientAddress(headers({ "x-forwarded-for": "[2001:db8:ffff::9]:443" }), v6, "2001:db8:1::2")).toBe("2001:db8:ffff::9");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.5:5123" }), NGINX, "::ffff:127.0.0.1")).toBe("203.0.113.5");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.5" }), v6, "::1")).toBe("203.0.113.5");
    expect(normalizeAddress("::FFFF:198.51.100.1")).toBe("198.51.100.1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
  });

  it("believes X-Forwarded-Proto (its first value) from a trusted proxy", () => {
    const get = headers({ "x-forwarded-proto": "https, http" });
    expect(forwardedHttps(get, NGINX, { address: "127.0.0.1", https: false })).toBe(true);
    expect(forwardedHttps(headers({ "x-forwarded-proto": "http" }), NGINX, { address: "127.0.0.1", https: false })).toBe(false);
  });

  it("uses TRUSTED_PROXIES and the recorded peer for a request's headers", () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    globalThis.portalPeerRecorded = true;
    const get = headers({
      [PEER_ADDRESS_HEADER]: "127.0.0.1",
      [PEER_PROTO_HEADER]: "http",
      "x-forwarded-for": "203.0.113.5",
      "x-forwarded-proto": "https",
    });
    expect(clientAddressOf(get)).toBe("203.0.113.5");
    expect(isHttpsRequest(get)).toBe(true);
    process.env.TRUSTED_PROXIES = "";
    expect(clientAddressOf(get)).toBe("127.0.0.1");
    expect(isHttpsRequest(get)).toBe(false);
    // Recorder installed, header missing (a request from before it was): unknown, never the claimed hop.
    expect(clientAddressOf(headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("reads addresses, CIDR blocks and named ranges, and lists what it cannot read", () => {
    const p = parseTrustedProxies("127.0.0.1,10.0.0.0/8 , private, 10.0.0.0/33, proxy.example, 1.2.3.4/8/9");
    expect(p.invalid).toEqual(["10.0.0.0/33", "proxy.example", "1.2.3.4/8/9"]);
    expect(p.has("10.200.3.4")).toBe(true);
    expect(p.has("192.168.1.1")).toBe(true);
    expect(p.has("11.0.0.1")).toBe(false);
    expect(NONE.none).toBe(true);
    expect(NONE.has("127.0.0.1")).toBe(false);
  });
});

describe("the socket's peer, recorded as each request arrives", () => {
  it("overwrites a forged peer header with the real socket address, before the handler runs", async () => {
    recordSocketPeers();
    const server = http.createServer((req, res) => {
      const get = (n: string) => {
        const v = req.headers[n];
        return Array.isArray(v) ? v[0] : v;
      };
      res.end(JSON.stringify({ peer: socketPeer(get), client: clientAddressOf(get) }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "192.0.2.1", [PEER_PROTO_HEADER]: "https", "x-forwarded-for": "6.6.6.6" },
      });
      expect(await res.json()).toEqual({ peer: { address: "127.0.0.1", https: false }, client: "127.0.0.1" });
    } finally {
      server.close();
    }
  });
});
