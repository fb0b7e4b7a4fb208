// The exchange log: one row for every message between the portal and an agency, whichever way it went and
// whether it was an API call, a clerk's action in the portal, or a delivery the portal made. Monitoring
// derives who is connected, volumes and latency from these rows, so every path writes them here.
import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * - API calls by an agency's own system: send, acknowledge, status (in); inbox, sent-statuses (out).
 * - Clerks working in the portal: portal-send (in, the sender), portal-status (in, the agency acting).
 * - Deliveries by the portal: deliver (out: put in the agency's portal register, it has no push endpoint),
 *   push (out: an HTTP POST to the agency's registered endpoint, with request_out_at/response_in_at).
 */
type ExchangeOperation =
  | "send"
  | "inbox"
  | "acknowledge"
  | "status"
  | "sent-statuses"
  | "portal-send"
  | "portal-status"
  | "deliver"
  | "push"
  // The dossier sync API (issue 17): an agency's one-stop system files, moves, reads, reconciles (in); the portal
  // pushes a dossier, serves its papers and the pull (out), takes the acknowledgement (in).
  | "dossier-create"
  | "dossier-status"
  | "dossier-get"
  | "dossier-reconcile"
  | "dossier-deliver"
  | "dossier-paper"
  | "dossier-pull"
  | "dossier-acknowledge";

/** "in": from the agency to the portal; "out": from the portal to the agency. */
const EXCHANGE_DIRECTION: Record<ExchangeOperation, "in" | "out"> = {
  send: "in",
  inbox: "out",
  acknowledge: "in",
  status: "in",
  "sent-statuses": "out",
  "portal-send": "in",
  "portal-status": "in",
  deliver: "out",
  push: "out",
  "dossier-create": "in",
  "dossier-status": "in",
  "dossier-get": "out",
  "dossier-reconcile": "in",
  "dossier-deliver": "out",
  "dossier-paper": "out",
  "dossier-pull": "out",
  "dossier-acknowledge": "in",
};

export interface ExchangeRow {
  operation: ExchangeOperation;
  /** The agency at the other end of the message (null when a request could not be tied to one). */
  agencyId: number | null;
  documentKey?: string | null;
  requestInAt: Date;
  requestOutAt?: Date | null;
  responseInAt?: Date | null;
  responseOutAt?: Date | null;
  success: boolean;
  faultCode?: string | null;
  size: number;
  sha256?: string | null;
}

/** Writes one row, in the caller's transaction when given one (so it exists exactly when the change does). */
export async function logExchange(client: Pick<Tx, "exchangeLog">, row: ExchangeRow): Promise<void> {
  await client.exchangeLog.create({
    data: {
      agencyId: row.agencyId,
      direction: EXCHANGE_DIRECTION[row.operation],
      operation: row.operation,
      documentKey: row.documentKey ?? null,
      requestInAt: row.requestInAt,
      requestOutAt: row.requestOutAt ?? null,
      responseInAt: row.responseInAt ?? null,
      responseOutAt: row.responseOutAt ?? null,
      success: row.success,
      faultCode: row.faultCode?.slice(0, 32) ?? null,
      size: row.size,
      sha256: row.sha256 ?? null,
    },
  });
}
