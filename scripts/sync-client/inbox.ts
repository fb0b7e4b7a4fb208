// The reference client's inbox (issue 17, sync-out): plays a provincial one-stop system receiving the dossiers filed
// on the portal for its SYNC services. An HTTP server takes each push, checks its HMAC-SHA256 signature with the
// endpoint's secret (401 otherwise), answers 200 at once, then downloads the papers (checking their sha256),
// acknowledges the dossier with its own code, and moves it on (received, then processing) through the status API.
// `catchUp` first pulls what was delivered while it was away (GET /api/v1/ho-so/moi).
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DossierFiledPush } from "@/lib/sync/outbound-schema";
import { acknowledgeDossier, downloadPaper, postStatus, pullNewDossiers, type DeliveredDossier, type PortalConnection } from "./api-out";

export interface InboxOptions extends PortalConnection {
  /** The endpoint's signing secret (whsec_…). */
  secret: string;
  port?: number;
  host?: string;
  /** A prefix of the agency system's own codes, e.g. "HCM". */
  prefix?: string;
  /** Move each acknowledged dossier on to received (2) and processing (4). Default true. */
  advance?: boolean;
  /** Pull what waits before listening. Default false. */
  catchUp?: boolean;
  log?: (line: string) => void;
}

export interface InboxRecord {
  code: string;
  receivedAt: Date;
  via: "push" | "pull";
  papers: number;
  externalCode?: string;
  acknowledgedAt?: string;
  status?: number;
  /** The dossier's version as this system last saw it (what it reconciles with). */
  version?: number;
  error?: string;
}

export interface RunningInbox {
  url: string;
  port: number;
  /** Every dossier taken, by portal code. */
  records: Map<string, InboxRecord>;
  /** Pushes refused for a bad signature. */
  refused: number;
  /** Resolves once the dossier has been acknowledged (or rejects after `timeoutMs`). */
  waitFor(code: string, timeoutMs?: number): Promise<InboxRecord>;
  stop(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

function signatureOk(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("hex"), "utf8");
  const given = Buffer.from(header.slice(7), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startInbox(opts: InboxOptions): Promise<RunningInbox> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const records = new Map<string, InboxRecord>();
  const waiters = new Map<string, ((r: InboxRecord) => void)[]>();
  const state = { refused: 0 };

  const settle = (r: InboxRecord) => {
    for (const w of waiters.get(r.code) ?? []) w(r);
    waiters.delete(r.code);
  };

  async function take(d: DeliveredDossier, via: "push" | "pull"): Promise<void> {
    if (records.get(d.code)?.acknowledgedAt) return;
    const r: InboxRecord = { code: d.code, receivedAt: new Date(), via, papers: 0 };
    records.set(d.code, r);
    try {
      for (const p of d.papers) {
        await downloadPaper(opts, p);
        r.papers++;
      }
      // The system's own code, derived from the portal's (its day and number): the same dossier gets the same code
      // after a restart, and two dossiers never share one (a per-process counter restarted at 1 and collided).
      r.externalCode = `${opts.prefix ?? "MC"}-${d.code.split("-").slice(-2).join("-")}`;
      let ack: Awaited<ReturnType<typeof acknowledgeDossier>> | undefined;
      for (let attempt = 1; !ack; attempt++) {
        try {
          ack = await acknowledgeDossier(opts, d.code, r.externalCode);
        } catch (err) {
          if (attempt >= 3) throw err;
          await new Promise((res) => setTimeout(res, 500 * attempt));
        }
      }
      r.acknowledgedAt = ack.acknowledgedAt;
      r.status = ack.status;
      r.version = ack.version;
      log(`[${opts.prefix ?? "inbox"}] ${d.code} (${via}): ${r.papers} giấy tờ, đã tiếp nhận với mã ${r.externalCode}`);
      settle(r);
      if (opts.advance ?? true) {
        // From here the agency's system leads: received (2), then processing (4), through the inbound API.
        let version = ack.version;
        for (const status of [2, 4]) {
          try {
            const s = await postStatus(opts, d.code, { version, status, at: new Date().toISOString() });
            version = s.version;
            r.status = s.status;
            r.version = s.version;
          } catch (err) {
            log(`[${opts.prefix ?? "inbox"}] ${d.code}: cập nhật trạng thái ${status} không thành công (${(err as Error).message})`);
            break;
          }
        }
      }
    } catch (err) {
      r.error = (err as Error).message;
      log(`[${opts.prefix ?? "inbox"}] ${d.code}: lỗi ${r.error}`);
      settle(r);
    }
  }

  const server = http.createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (!signatureOk(opts.secret, body, req.headers["x-portal-signature"] as string | undefined)) {
        state.refused++;
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "bad signature" }));
        return;
      }
      let push;
      try {
        push = DossierFiledPush.parse(JSON.parse(body.toString("utf8")));
      } catch (err) {
        res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ error: (err as Error).message.slice(0, 500) }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received: true, code: push.dossier.code }));
      void take(push.dossier, "push");
    });
  });

  if (opts.catchUp) {
    try {
      for (const d of await pullNewDossiers(opts, 50)) await take(d, "pull");
    } catch (err) {
      log(`[${opts.prefix ?? "inbox"}] không lấy được hồ sơ chờ: ${(err as Error).message}`);
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}/ho-so`,
    port,
    records,
    get refused() {
      return state.refused;
    },
    waitFor(code, timeoutMs = 30_000) {
      const done = records.get(code);
      if (done?.acknowledgedAt) return Promise.resolve(done);
      // A dossier this system failed to take says why at once, instead of a timeout.
      if (done?.error) return Promise.reject(new Error(`${code}: ${done.error}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${code} was not acknowledged within ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(code) ?? [];
        list.push((r) => {
          clearTimeout(timer);
          if (r.error) reject(new Error(`${code}: ${r.error}`));
          else resolve(r);
        });
        waiters.set(code, list);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
