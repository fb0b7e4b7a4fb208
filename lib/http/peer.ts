// Records the socket's peer of every request the Node.js server receives, before Next sees the request:
// Node publishes each incoming request on the `http.server.request.start` diagnostics channel with its
// socket, and this subscriber writes the socket's address and scheme into headers of our own
// (lib/http/forwarded.ts reads them), overwriting whatever a client sent under those names. Next's route
// handlers, server actions and next-auth see only headers, never the socket. Installed once per process
// by lib/startup.ts.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER, PEER_PROTO_HEADER } from "./forwarded";

interface RequestStart {
  request: IncomingMessage;
  socket: Socket & { encrypted?: boolean };
}

function record(message: unknown): void {
  const { request, socket } = message as RequestStart;
  request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
  request.headers[PEER_PROTO_HEADER] = socket.encrypted ? "https" : "http";
}

export function recordSocketPeers(): void {
  if (globalThis.portalPeerRecorded) return;
  subscribe("http.server.request.start", record);
  globalThis.portalPeerRecorded = true;
}
