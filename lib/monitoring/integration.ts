// Integration status of every agency's document connection, derived from the exchange log and the
// document registers (never typed in), plus what a VPCP administrator recorded on top of it.
//
// Measured state (from exchange_log, successful rows only, ever):
// - the agency SENDS when it sent the portal anything of its own: a document (send, portal-send), a status
//   message on a document it received (status, portal-status) or an acknowledgement (acknowledge), i.e.
//   any successful row with direction 'in';
// - the agency RECEIVES when the portal delivered it something: deliver (into its portal register) or
//   push (to its own endpoint), i.e. successful 'deliver'/'push' rows;
// - BOTH_WAYS = sends and receives; RECEIVING_ONLY = receives only; SENDING_ONLY = sends but nothing was
//   ever delivered to it (rare: every sender gets status messages back); NOT_CONNECTED = neither.
// - since = the first successful row of the later of the two directions (when the state was reached).
// - last exchange = the latest completion (response_out_at, else response_in_at, else request_in_at) of a
//   successful row, in either direction.
// Recorded state (agency_connection_record, latest row per agency; CLEARED withdraws): TESTING always
// shows as testing; RECEIVING_ONLY/BOTH_WAYS (with a date from before the log) give the state only while
// the log measures nothing, and their date is "since" whenever it is earlier than the measured one.
// Whatever is shown says whether it was measured or recorded.
// Volumes: documents sent = document.sender_agency_id by sent_at; received = document_recipient by
// arrived_at. Failures = unsuccessful exchange_log rows; dead letters = DEAD 'document.push' outbox rows.
// Latency = response_in_at − request_in_at of successful deliver/push rows (request_in_at is when the
// message entered the portal), median and p95 by percentile_cont, in seconds.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { TIME_ZONE } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { integrationText } from "@/lib/i18n/vi/monitoring";
import { inForceSql, MONITORED_KINDS_SQL } from "@/lib/agencies/succession";

export const CONNECTION_STATES = ["BOTH_WAYS", "RECEIVING_ONLY", "SENDING_ONLY", "TESTING", "NOT_CONNECTED"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** The agencies the programme watches: central bodies and provinces in force (units are part of them). */
const WATCHED_KINDS = ["MINISTRY", "MINISTRY_LEVEL", "GOVERNMENT_AGENCY", "PROVINCE"] as const;
type WatchedKind = (typeof WATCHED_KINDS)[number];
export const isCentral = (kind: string) => kind !== "PROVINCE";

export interface IntegrationRow {
  agencyId: number;
  identifier: string;
  name: string;
  shortName: string;
  kind: WatchedKind;
  state: ConnectionState;
  /** "measured" from the log, or "recorded" by an administrator. */
  stateSource: "measured" | "recorded";
  measuredState: ConnectionState;
  since: Date | null;
  sinceSource: "measured" | "recorded" | null;
  lastExchangeAt: Date | null;
  sent7: number;
  sent30: number;
  received7: number;
  received30: number;
  /** Unsuccessful exchanges in the last 30 days. */
  failures30: number;
  deadLetters: number;
  /** Seconds; null when nothing was delivered in the last 30 days. */
  latencyMedian: number | null;
  latencyP95: number | null;
  services: number;
  servicesLevel3: number;
  servicesLevel4: number;
  record: { kind: string; note: string | null; at: Date; by: string | null } | null;
}

const INTEGRATION_SORTS = ["ten", "trang-thai", "trao-doi-cuoi", "gui-30", "nhan-30", "loi", "do-tre", "muc-4"] as const;
export type IntegrationSort = (typeof INTEGRATION_SORTS)[number];

const ORDER: Record<IntegrationSort, Prisma.Sql> = {
  ten: Prisma.sql`r.short_name`,
  "trang-thai": Prisma.sql`array_position(ARRAY['BOTH_WAYS','RECEIVING_ONLY','SENDING_ONLY','TESTING','NOT_CONNECTED'], r.state)`,
  "trao-doi-cuoi": Prisma.sql`r.last_exchange_at DESC NULLS LAST`,
  "gui-30": Prisma.sql`r.sent30 DESC`,
  "nhan-30": Prisma.sql`r.received30 DESC`,
  loi: Prisma.sql`(r.failures30 + r.dead_letters) DESC`,
  "do-tre": Prisma.sql`r.latency_p95 DESC NULLS LAST`,
  "muc-4": Prisma.sql`r.services_level4 DESC`,
};

export function parseIntegrationSort(v: unknown): IntegrationSort {
  return typeof v === "string" && (INTEGRATION_SORTS as readonly string[]).includes(v) ? (v as IntegrationSort) : "ten";
}

interface RawRow {
  agency_id: number;
  identifier: string;
  name: string;
  short_name: string;
  kind: WatchedKind;
  state: ConnectionState;
  state_source: "measured" | "recorded";
  measured_state: ConnectionState;
  since: Date | null;
  since_source: "measured" | "recorded" | null;
  last_exchange_at: Date | null;
  sent7: number;
  sent30: number;
  received7: number;
  received30: number;
  failures30: number;
  dead_letters: number;
  latency_median: number | null;
  latency_p95: number | null;
  services: number;
  services_level3: number;
  services_level4: number;
  record_kind: string | null;
  record_note: string | null;
  record_at: Date | null;
  record_by: string | null;
}

/**
 * One statement: each figure is an aggregate grouped by agency (exchange log, documents, recipients,
 * outbox, services, records), LEFT JOINed to the watched agencies, state derived in SQL, ordered in SQL.
 */
async function integrationRows(options: { now?: Date; sort?: IntegrationSort; agencyId?: number } = {}): Promise<IntegrationRow[]> {
  const now = options.now ?? new Date();
  const only = options.agencyId == null ? Prisma.sql`TRUE` : Prisma.sql`a.id = ${options.agencyId}`;
  const rows = await db.$queryRaw<RawRow[]>`
    WITH ag AS (
      SELECT a.id, a.identifier, a.name, a.short_name, a.kind::text AS kind FROM agency a
      WHERE a.kind::text IN ${MONITORED_KINDS_SQL} AND ${inForceSql("a", now)} AND ${only}
    ),
    ex AS (
      SELECT l.agency_id,
             min(l.request_in_at) FILTER (WHERE l.success AND l.direction = 'in') AS first_in,
             min(l.request_in_at) FILTER (WHERE l.success AND l.operation IN ('deliver', 'push')) AS first_out,
             max(coalesce(l.response_out_at, l.response_in_at, l.request_in_at)) FILTER (WHERE l.success) AS last_exchange_at,
             (count(*) FILTER (WHERE NOT l.success AND l.request_in_at >= ${now}::timestamptz - interval '30 days'))::int AS failures30,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.response_in_at - l.request_in_at))
               FILTER (WHERE l.success AND l.operation IN ('deliver', 'push') AND l.response_in_at IS NOT NULL AND l.request_in_at >= ${now}::timestamptz - interval '30 days') AS latency_median,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM l.response_in_at - l.request_in_at))
               FILTER (WHERE l.success AND l.operation IN ('deliver', 'push') AND l.response_in_at IS NOT NULL AND l.request_in_at >= ${now}::timestamptz - interval '30 days') AS latency_p95
      FROM exchange_log l JOIN ag ON ag.id = l.agency_id
      GROUP BY l.agency_id
    ),
    sent AS (
      SELECT d.sender_agency_id AS agency_id,
             (count(*) FILTER (WHERE d.sent_at >= ${now}::timestamptz - interval '7 days'))::int AS sent7,
             count(*)::int AS sent30
      FROM document d JOIN ag ON ag.id = d.sender_agency_id
      WHERE d.sent_at >= ${now}::timestamptz - interval '30 days' AND d.sent_at <= ${now}::timestamptz
      GROUP BY d.sender_agency_id
    ),
    recv AS (
      SELECT r.agency_id,
             (count(*) FILTER (WHERE r.arrived_at >= ${now}::timestamptz - interval '7 days'))::int AS received7,
             count(*)::int AS received30
      FROM document_recipient r JOIN ag ON ag.id = r.agency_id
      WHERE r.arrived_at >= ${now}::timestamptz - interval '30 days' AND r.arrived_at <= ${now}::timestamptz
      GROUP BY r.agency_id
    ),
    dead AS (
      SELECT o.agency_id, count(*)::int AS dead_letters
      FROM outbox_message o JOIN ag ON ag.id = o.agency_id
      WHERE o.kind = 'document.push' AND o.status = 'DEAD'
      GROUP BY o.agency_id
    ),
    svc AS (
      SELECT s.agency_id, count(*)::int AS services,
             (count(*) FILTER (WHERE s.online_level = 3))::int AS services_level3,
             (count(*) FILTER (WHERE s.online_level = 4))::int AS services_level4
      FROM service s JOIN ag ON ag.id = s.agency_id
      WHERE s.published
      GROUP BY s.agency_id
    ),
    rec AS (
      SELECT DISTINCT ON (c.agency_id) c.agency_id, c.kind::text AS kind, c.connected_since, c.note, c.recorded_at, u.full_name AS by_name
      FROM agency_connection_record c JOIN ag ON ag.id = c.agency_id LEFT JOIN app_user u ON u.id = c.recorded_by_id
      ORDER BY c.agency_id, c.recorded_at DESC, c.id DESC
    ),
    m AS (
      SELECT ag.*, ex.*, rec.kind AS record_kind, rec.connected_since, rec.note AS record_note, rec.recorded_at AS record_at, rec.by_name AS record_by,
             CASE WHEN ex.first_in IS NOT NULL AND ex.first_out IS NOT NULL THEN 'BOTH_WAYS'
                  WHEN ex.first_out IS NOT NULL THEN 'RECEIVING_ONLY'
                  WHEN ex.first_in IS NOT NULL THEN 'SENDING_ONLY'
                  ELSE 'NOT_CONNECTED' END AS measured_state,
             CASE WHEN ex.first_in IS NOT NULL AND ex.first_out IS NOT NULL THEN greatest(ex.first_in, ex.first_out)
                  ELSE coalesce(ex.first_out, ex.first_in) END AS measured_since
      FROM ag LEFT JOIN ex ON ex.agency_id = ag.id LEFT JOIN rec ON rec.agency_id = ag.id AND rec.kind <> 'CLEARED'
    ),
    r AS (
      SELECT m.id AS agency_id, m.identifier, m.name, m.short_name, m.kind, m.measured_state,
             CASE WHEN m.record_kind = 'TESTING' THEN 'TESTING'
                  WHEN m.measured_state = 'NOT_CONNECTED' AND m.record_kind IS NOT NULL THEN m.record_kind
                  ELSE m.measured_state END AS state,
             CASE WHEN m.record_kind = 'TESTING' OR (m.measured_state = 'NOT_CONNECTED' AND m.record_kind IS NOT NULL) THEN 'recorded' ELSE 'measured' END AS state_source,
             CASE WHEN m.connected_since IS NOT NULL AND (m.measured_since IS NULL OR m.connected_since::timestamptz < m.measured_since) AND m.record_kind <> 'TESTING'
                  THEN m.connected_since::timestamptz ELSE m.measured_since END AS since,
             CASE WHEN m.connected_since IS NOT NULL AND (m.measured_since IS NULL OR m.connected_since::timestamptz < m.measured_since) AND m.record_kind <> 'TESTING' THEN 'recorded'
                  WHEN m.measured_since IS NOT NULL THEN 'measured' END AS since_source,
             m.last_exchange_at,
             coalesce(sent.sent7, 0) AS sent7, coalesce(sent.sent30, 0) AS sent30,
             coalesce(recv.received7, 0) AS received7, coalesce(recv.received30, 0) AS received30,
             coalesce(m.failures30, 0) AS failures30, coalesce(dead.dead_letters, 0) AS dead_letters,
             round(m.latency_median::numeric, 1)::float8 AS latency_median, round(m.latency_p95::numeric, 1)::float8 AS latency_p95,
             coalesce(svc.services, 0) AS services, coalesce(svc.services_level3, 0) AS services_level3, coalesce(svc.services_level4, 0) AS services_level4,
             m.record_kind, m.record_note, m.record_at, m.record_by
      FROM m
      LEFT JOIN sent ON sent.agency_id = m.id
      LEFT JOIN recv ON recv.agency_id = m.id
      LEFT JOIN dead ON dead.agency_id = m.id
      LEFT JOIN svc ON svc.agency_id = m.id
    )
    SELECT * FROM r
    ORDER BY CASE WHEN r.kind = 'PROVINCE' THEN 1 ELSE 0 END, ${ORDER[options.sort ?? "ten"]}, r.short_name, r.identifier`;
  return rows.map((r) => ({
    agencyId: r.agency_id,
    identifier: r.identifier,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    state: r.state,
    stateSource: r.state_source,
    measuredState: r.measured_state,
    since: r.since,
    sinceSource: r.since_source,
    lastExchangeAt: r.last_exchange_at,
    sent7: r.sent7,
    sent30: r.sent30,
    received7: r.received7,
    received30: r.received30,
    failures30: r.failures30,
    deadLetters: r.dead_letters,
    latencyMedian: r.latency_median,
    latencyP95: r.latency_p95,
    services: r.services,
    servicesLevel3: r.services_level3,
    servicesLevel4: r.services_level4,
    record: r.record_kind ? { kind: r.record_kind, note: r.record_note, at: r.record_at!, by: r.record_by } : null,
  }));
}

/** Every watched agency, central bodies first, then provinces, each group in the asked order. */
export async function integrationOverview(options: { now?: Date; sort?: IntegrationSort } = {}): Promise<IntegrationRow[]> {
  return integrationRows(options);
}

export async function agencyIntegration(agencyId: number, options: { now?: Date } = {}): Promise<IntegrationRow | null> {
  const [row] = await integrationRows({ ...options, agencyId });
  return row ?? null;
}

export interface StateCounts {
  central: Record<ConnectionState, number>;
  provinces: Record<ConnectionState, number>;
  centralTotal: number;
  provincesTotal: number;
}

/** Counts per state, central bodies and provinces apart (from the overview rows: one query, no second pass in SQL). */
export function countStates(rows: readonly IntegrationRow[]): StateCounts {
  const zero = () => Object.fromEntries(CONNECTION_STATES.map((s) => [s, 0])) as Record<ConnectionState, number>;
  const out: StateCounts = { central: zero(), provinces: zero(), centralTotal: 0, provincesTotal: 0 };
  for (const r of rows) {
    if (isCentral(r.kind)) {
      out.central[r.state] += 1;
      out.centralTotal += 1;
    } else {
      out.provinces[r.state] += 1;
      out.provincesTotal += 1;
    }
  }
  return out;
}

/** Connected = both ways, receiving only or sending only (testing and not connected are not). */
export function connectedCount(counts: Record<ConnectionState, number>): number {
  return counts.BOTH_WAYS + counts.RECEIVING_ONLY + counts.SENDING_ONLY;
}

export interface DailyRow {
  /** yyyy-mm-dd in Vietnam time. */
  day: string;
  sent: number;
  received: number;
  exchanges: number;
  failures: number;
  /** Seconds, null when nothing was delivered that day. */
  latencyMedian: number | null;
}

/** The last `days` days (Vietnam time, today included) of one agency: one statement over a day series. */
export async function agencyDailySeries(agencyId: number, options: { now?: Date; days?: number } = {}): Promise<DailyRow[]> {
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  const tz = Prisma.sql`${TIME_ZONE}::text`;
  const rows = await db.$queryRaw<
    { day: string; sent: number; received: number; exchanges: number; failures: number; latency_median: number | null }[]
  >`
    WITH d AS (
      SELECT g::date AS day, g AT TIME ZONE ${tz} AS starts, (g + interval '1 day') AT TIME ZONE ${tz} AS ends
      FROM generate_series(((${now}::timestamptz AT TIME ZONE ${tz})::date - ${days - 1}::int)::timestamp,
                           (${now}::timestamptz AT TIME ZONE ${tz})::date::timestamp, interval '1 day') AS g
    ),
    sent AS (
      SELECT (x.sent_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS n FROM document x
      WHERE x.sender_agency_id = ${agencyId} AND x.sent_at >= (SELECT min(starts) FROM d) AND x.sent_at < (SELECT max(ends) FROM d) GROUP BY 1
    ),
    recv AS (
      SELECT (x.arrived_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS n FROM document_recipient x
      WHERE x.agency_id = ${agencyId} AND x.arrived_at >= (SELECT min(starts) FROM d) AND x.arrived_at < (SELECT max(ends) FROM d) GROUP BY 1
    ),
    ex AS (
      SELECT (l.request_in_at AT TIME ZONE ${tz})::date AS day,
             (count(*) FILTER (WHERE l.success))::int AS exchanges,
             (count(*) FILTER (WHERE NOT l.success))::int AS failures,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.response_in_at - l.request_in_at))
               FILTER (WHERE l.success AND l.operation IN ('deliver', 'push') AND l.response_in_at IS NOT NULL) AS latency_median
      FROM exchange_log l
      WHERE l.agency_id = ${agencyId} AND l.request_in_at >= (SELECT min(starts) FROM d) AND l.request_in_at < (SELECT max(ends) FROM d) GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(sent.n, 0) AS sent, coalesce(recv.n, 0) AS received,
           coalesce(ex.exchanges, 0) AS exchanges, coalesce(ex.failures, 0) AS failures,
           round(ex.latency_median::numeric, 1)::float8 AS latency_median
    FROM d LEFT JOIN sent ON sent.day = d.day LEFT JOIN recv ON recv.day = d.day LEFT JOIN ex ON ex.day = d.day
    ORDER BY d.day`;
  return rows.map((r) => ({
    day: r.day,
    sent: r.sent,
    received: r.received,
    exchanges: r.exchanges,
    failures: r.failures,
    latencyMedian: r.latency_median,
  }));
}

export async function watchedAgencyByIdentifier(identifier: string) {
  return db.agency.findFirst({
    where: { identifier, kind: { in: [...WATCHED_KINDS] } },
    select: { id: true, identifier: true, name: true, shortName: true, kind: true },
  });
}

const e = integrationText.recordErrors;

const ConnectionRecordInput = z.object({
  identifier: z
    .string({ error: e.agency })
    .trim()
    .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, { error: e.agency }),
  kind: z.enum(["TESTING", "RECEIVING_ONLY", "BOTH_WAYS", "CLEARED"], { error: e.kind }),
  connectedSince: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.iso.date({ error: e.date }).optional())
    .optional(),
  note: z.string().trim().max(500, { error: e.note }).optional(),
});

/**
 * A VPCP administrator records an agency as testing, or connected (one way or both) since a date from
 * before the log, or clears earlier records. Append-only: the history stays, the newest row is in force.
 */
export const recordConnection = defineUseCase({
  name: "monitoring.recordConnection",
  permission: "agency.manage",
  schema: ConnectionRecordInput,
  entityType: "agency_connection_record",
  async run(input, { tx, user }) {
    const agency = await tx.agency.findFirst({
      where: { identifier: input.identifier, kind: { in: [...WATCHED_KINDS] } },
      select: { id: true },
    });
    if (!agency) throw new AppError("not_found", e.agency, "identifier");
    const since = input.kind === "RECEIVING_ONLY" || input.kind === "BOTH_WAYS" ? input.connectedSince : undefined;
    if ((input.kind === "RECEIVING_ONLY" || input.kind === "BOTH_WAYS") && !since) throw new AppError("invalid", e.date, "connectedSince");
    if (since && since > new Date().toISOString().slice(0, 10)) throw new AppError("invalid", e.future, "connectedSince");
    const row = await tx.agencyConnectionRecord.create({
      data: {
        agencyId: agency.id,
        kind: input.kind,
        connectedSince: since ? new Date(`${since}T00:00:00Z`) : null,
        note: input.note || null,
        recordedById: user?.id ?? null,
      },
    });
    return {
      result: { id: row.id.toString(), identifier: input.identifier, kind: input.kind },
      entityId: input.identifier,
      details: { kind: input.kind, connectedSince: since ?? null, note: input.note ?? null },
    };
  },
});
