// The portal's own outgoing requests to addresses others configured (agencies' push endpoints): the URL
// checked (lib/http/ssrf.ts), the host resolved once and every address checked, the connection made to
// that checked address (DNS rebinding cannot switch it), redirects never followed (a 3xx is an answer like
// any other, and the caller treats it as a failure), a connect timeout, a total timeout and a cap on the
// answer's size. Node's http/https with no connection pooling: each request is its own socket.
import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { hostOf, outboundPolicy, resolveChecked, urlRefusal, BlockedAddressError, type OutboundPolicy, type Resolver } from "./ssrf";

export type OutboundFault =
  "invalid_url" | "https_required" | "blocked_address" | "dns" | "connect_timeout" | "timeout" | "too_large" | "network";

/** A request that did not get a whole answer; `fault` is the exchange log's fault code. */
export class OutboundError extends Error {
  constructor(
    readonly fault: OutboundFault,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OutboundError";
  }
}

export interface OutboundLimits {
  /** From the first byte sent to the TCP connection being up. */
  connectTimeoutMs: number;
  /** The whole exchange, DNS included, up to the answer's last byte. */
  totalTimeoutMs: number;
  /** The answer's body is read up to this many bytes; more is a failure. */
  maxResponseBytes: number;
}

export interface OutboundRequest {
  headers: Record<string, string>;
  body: string;
  limits: OutboundLimits;
  resolve?: Resolver;
  policy?: OutboundPolicy;
}

export interface OutboundAnswer {
  status: number;
  body: string;
}

/** POSTs `body` to `url` under the outbound policy. Throws OutboundError for every failure before an answer. */
export async function guardedPost(url: string, req: OutboundRequest): Promise<OutboundAnswer> {
  const policy = req.policy ?? outboundPolicy();
  const refusal = urlRefusal(url, policy);
  if (refusal) throw new OutboundError(refusal, `${refusal}: ${url}`);
  const u = new URL(url);
  const host = hostOf(u);
  const started = Date.now();
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveChecked(host, { resolve: req.resolve, policy, timeoutMs: req.limits.totalTimeoutMs });
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new OutboundError("blocked_address", err.message, { cause: err });
    throw new OutboundError("dns", err instanceof Error ? err.message : String(err), { cause: err });
  }
  const remaining = Math.max(1, req.limits.totalTimeoutMs - (Date.now() - started));
  const secure = u.protocol === "https:";
  const body = Buffer.from(req.body, "utf8");

  return new Promise<OutboundAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      fn();
    };
    const fail = (err: OutboundError) => {
      finish(() => reject(err));
      request.destroy();
    };
    const options: https.RequestOptions = {
      method: "POST",
      host: target.address,
      family: target.family,
      port: u.port || (secure ? 443 : 80),
      path: `${u.pathname}${u.search}`,
      headers: { ...req.headers, host: u.host, "content-length": String(body.byteLength) },
      agent: false,
      // TLS checks the certificate against the name the agency registered, not the address connected to.
      ...(secure && !isIP(host) ? { servername: host } : {}),
    };
    const request = (secure ? https : http).request(options);
    const total = setTimeout(
      () => fail(new OutboundError("timeout", `no whole answer from ${u.host} within ${req.limits.totalTimeoutMs} ms`)),
      remaining,
    );
    request.on("socket", (socket) => {
      const connect = setTimeout(
        () => fail(new OutboundError("connect_timeout", `no connection to ${u.host} within ${req.limits.connectTimeoutMs} ms`)),
        req.limits.connectTimeoutMs,
      );
      if (!socket.connecting) clearTimeout(connect);
      socket.once("connect", () => clearTimeout(connect));
      socket.once("close", () => clearTimeout(connect));
    });
    request.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > req.limits.maxResponseBytes) {
          fail(new OutboundError("too_large", `the answer from ${u.host} exceeds ${req.limits.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") })));
      res.on("error", (err) => fail(new OutboundError("network", err.message, { cause: err })));
    });
    request.on("error", (err) => fail(err instanceof OutboundError ? err : new OutboundError("network", err.message, { cause: err })));
    request.end(body);
  });
}
