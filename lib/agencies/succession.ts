// The agency registry over time, in one place. An agency ends on its `validTo` date (the effective date of a
// merger or a dissolution: from that day, Vietnam time, it no longer exists) and may name a successor. From
// that date, documents and dossiers addressed to it go to its current successor, following chains (A → B → C);
// records made before keep the agency they were made for.
import "server-only";
import { Prisma, type Agency } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { localDate } from "@/lib/calendar/time";
import { db, type Db, type Tx } from "@/lib/db/client";
import { formatDate } from "@/lib/format";

type Client = Db | Tx;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** True when the agency has ended on or before the local date of `at`. */
export function isRetiredAt(agency: { validTo: Date | null }, at: Date): boolean {
  return agency.validTo != null && isoDay(agency.validTo) <= localDate(at);
}

/**
 * The same rule in SQL, for queries over the registry: the agency row `alias` is in force on the Vietnam
 * day of `at` (default: now). Every list of current agencies uses this, so none disagrees at midnight.
 */
export function inForceSql(alias: string, at?: Date): Prisma.Sql {
  const a = Prisma.raw(alias);
  const when = at ? Prisma.sql`${at}::timestamptz` : Prisma.sql`now()`;
  return Prisma.sql`(${a}.valid_to IS NULL OR ${a}.valid_to > (${when} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
}

/** The kinds watched by VPCP's monitoring: the central bodies and the provinces. */
export const MONITORED_KINDS_SQL = Prisma.sql`('MINISTRY', 'MINISTRY_LEVEL', 'GOVERNMENT_AGENCY', 'PROVINCE')`;

/**
 * The agency that answers for `agencyId` at `at`: itself while it exists, else its successor's answer, and so
 * on. Returns null when the chain ends in an agency retired without a successor. A cycle (which the registry
 * actions refuse to record) is reported as an error rather than followed forever.
 */
export async function currentSuccessor(client: Client, agencyId: number, at: Date): Promise<Agency | null> {
  const seen = new Set<number>();
  let id: number | null = agencyId;
  while (id != null) {
    if (seen.has(id))
      throw new AppError("conflict", "Sổ đăng ký cơ quan có chuỗi sáp nhập khép vòng; vui lòng kiểm tra lại cơ quan kế thừa.");
    seen.add(id);
    const agency: Agency | null = await client.agency.findUnique({ where: { id } });
    if (!agency) return null;
    if (!isRetiredAt(agency, at)) return agency;
    id = agency.successorId;
  }
  return null;
}

/**
 * Replaces, in place, each recipient agency that has ended at `at` by its current successor (once, when several
 * addressed agencies lead to the same one). Refuses a recipient that ended without a successor.
 */
export async function routeToSuccessors(
  client: Client,
  // The caller's array keeps its own element type: only its own items, or full agency rows (a superset of any
  // selection of agency columns), are put back into it.
  recipients: { id: number; identifier: string }[],
  at: Date,
  refuse: (message: string) => Error = (message) => new AppError("invalid", `Nơi nhận: ${message}`, "recipients"),
): Promise<void> {
  const out: { id: number; identifier: string }[] = [];
  for (const r of recipients) {
    const current = await currentSuccessor(client, r.id, at);
    if (!current) {
      const row = await client.agency.findUniqueOrThrow({ where: { id: r.id } });
      throw refuse(
        `cơ quan ${row.name} (${row.identifier}) đã thôi hoạt động từ ngày ${formatDate(isoDay(row.validTo!))} và không có cơ quan kế thừa.`,
      );
    }
    const routed = current.id === r.id ? r : current;
    if (!out.some((o) => o.id === routed.id)) out.push(routed);
  }
  recipients.splice(0, recipients.length, ...out);
}

/**
 * The code of the service a dossier filed now under `serviceCode` goes to: the same service while its agency
 * exists, else the successor's service of the same procedure. Refuses, with a clear message, when the
 * successor offers no such service online. Unknown codes are returned as they are (the caller says "not found").
 */
export async function serviceCodeAt(client: Client, serviceCode: string, at: Date): Promise<string> {
  const service = await client.service.findUnique({ where: { code: serviceCode }, include: { agency: true } });
  if (!service || !isRetiredAt(service.agency, at)) return serviceCode;
  const ended = `${service.agency.name} đã thôi hoạt động từ ngày ${formatDate(isoDay(service.agency.validTo!))}`;
  const successor = await currentSuccessor(client, service.agency.id, at);
  if (!successor) throw new AppError("invalid", `${ended} và không có cơ quan kế thừa; không thể nộp hồ sơ cho dịch vụ này.`);
  const theirs = await client.service.findUnique({
    where: { agencyId_procedureId: { agencyId: successor.id, procedureId: service.procedureId } },
  });
  if (!theirs || !theirs.published || theirs.onlineLevel < 3) {
    throw new AppError(
      "invalid",
      `${ended}; cơ quan kế thừa là ${successor.name}, nhưng cơ quan này chưa cung cấp trực tuyến thủ tục "${service.name}". Vui lòng liên hệ ${successor.name}.`,
    );
  }
  return theirs.code;
}

export interface Predecessor {
  id: number;
  identifier: string;
  name: string;
  /** The date it ended and its records started going to its successor (yyyy-mm-dd). */
  validTo: string;
  /** The agency it merged into directly (this one, or another predecessor in a chain). */
  successorIdentifier: string;
  /** 1 for a direct predecessor, 2 for one that merged into a direct predecessor, and so on. */
  depth: number;
}

/** Every agency whose records now go to `agencyId`, directly or through a chain, with the dates they ended. */
export async function predecessorsOf(agencyId: number, client: Client = db): Promise<Predecessor[]> {
  return client.$queryRaw<Predecessor[]>`
    WITH RECURSIVE chain AS (
      SELECT a.id, a.identifier, a.name, a.valid_to, a.successor_id, 1 AS depth, ARRAY[${agencyId}::int, a.id] AS path
      FROM agency a WHERE a.successor_id = ${agencyId} AND a.valid_to IS NOT NULL
      UNION ALL
      SELECT a.id, a.identifier, a.name, a.valid_to, a.successor_id, c.depth + 1, c.path || a.id
      FROM agency a JOIN chain c ON a.successor_id = c.id
      WHERE a.valid_to IS NOT NULL AND NOT a.id = ANY(c.path)
    )
    SELECT c.id, c.identifier, c.name, to_char(c.valid_to, 'YYYY-MM-DD') AS "validTo", s.identifier AS "successorIdentifier", c.depth
    FROM chain c JOIN agency s ON s.id = c.successor_id
    ORDER BY c.valid_to, c.identifier`;
}

export interface BeforeAfterRow {
  identifier: string;
  name: string;
  /** True for the agency itself, false for its predecessors. */
  self: boolean;
  documentsReceivedBefore: number;
  documentsReceivedAfter: number;
  documentsSentBefore: number;
  documentsSentAfter: number;
  dossiersBefore: number;
  dossiersAfter: number;
}

/**
 * Documents received and sent, and dossiers received, by the agency and each of its predecessors, before and
 * from `pivot` (a local date, normally the merger's effective date). One aggregate query.
 */
export async function beforeAfterCounts(agencyId: number, pivot: string, client: Client = db): Promise<BeforeAfterRow[]> {
  const preds = await predecessorsOf(agencyId, client);
  const ids = [agencyId, ...preds.map((p) => p.id)];
  const rows = await client.$queryRaw<
    { identifier: string; name: string; self: boolean; rb: bigint; ra: bigint; sb: bigint; sa: bigint; db: bigint; da: bigint }[]
  >`
    WITH pivot AS (SELECT (${pivot}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS t),
    rec AS (
      SELECT r.agency_id, count(*) FILTER (WHERE r.arrived_at < p.t) AS b, count(*) FILTER (WHERE r.arrived_at >= p.t) AS a
      FROM document_recipient r, pivot p WHERE r.agency_id = ANY(${ids}::int[]) GROUP BY r.agency_id
    ),
    snt AS (
      SELECT d.sender_agency_id AS agency_id, count(*) FILTER (WHERE d.sent_at < p.t) AS b, count(*) FILTER (WHERE d.sent_at >= p.t) AS a
      FROM document d, pivot p WHERE d.sender_agency_id = ANY(${ids}::int[]) GROUP BY d.sender_agency_id
    ),
    dos AS (
      SELECT x.receiving_agency_id AS agency_id, count(*) FILTER (WHERE x.submitted_at < p.t) AS b, count(*) FILTER (WHERE x.submitted_at >= p.t) AS a
      FROM dossier x, pivot p WHERE x.receiving_agency_id = ANY(${ids}::int[]) GROUP BY x.receiving_agency_id
    )
    SELECT ag.identifier, ag.name, ag.id = ${agencyId} AS self,
           coalesce(rec.b, 0) AS rb, coalesce(rec.a, 0) AS ra, coalesce(snt.b, 0) AS sb, coalesce(snt.a, 0) AS sa,
           coalesce(dos.b, 0) AS db, coalesce(dos.a, 0) AS da
    FROM agency ag LEFT JOIN rec ON rec.agency_id = ag.id LEFT JOIN snt ON snt.agency_id = ag.id LEFT JOIN dos ON dos.agency_id = ag.id
    WHERE ag.id = ANY(${ids}::int[])
    ORDER BY ag.id <> ${agencyId}, ag.identifier`;
  return rows.map((r) => ({
    identifier: r.identifier,
    name: r.name,
    self: r.self,
    documentsReceivedBefore: Number(r.rb),
    documentsReceivedAfter: Number(r.ra),
    documentsSentBefore: Number(r.sb),
    documentsSentAfter: Number(r.sa),
    dossiersBefore: Number(r.db),
    dossiersAfter: Number(r.da),
  }));
}
