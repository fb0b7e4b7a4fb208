// The public statistics (/thong-ke) and its open data: national figures by month, figures per agency
// for the current year, and the integration overview, each as one SQL aggregate with the definitions of
// lib/monitoring/agency-stats.ts. Every table is also a CSV and a JSON download whose shape is described
// by one JSON Schema (tableSchema), built from the same column list, so page, CSV and JSON cannot drift.
// No personal data: only counts, averages and agency names.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { localDate } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/files/csv";
import { publicStatsText as t, integrationText } from "@/lib/i18n/vi/monitoring";
import { addMonths, currentMonth, figures, monthPeriods, scopedFigures, yearPeriod, type PeriodFigures } from "./agency-stats";
import { integrationOverview } from "./integration";
import { inForceSql, MONITORED_KINDS_SQL } from "@/lib/agencies/succession";

const PUBLIC_TABLES = ["toan-quoc-theo-thang", "theo-co-quan", "ket-noi"] as const;
export type PublicTable = (typeof PUBLIC_TABLES)[number];
export const isPublicTable = (v: string): v is PublicTable => (PUBLIC_TABLES as readonly string[]).includes(v);

type Cell = string | number | null;
interface Column {
  key: string;
  title: string;
  type: "string" | "integer" | "number";
  nullable?: boolean;
  description: string;
}

const c = t.columns;
const FIGURE_COLUMNS: Column[] = [
  { key: "received", title: c.received, type: "integer", description: "Hồ sơ nộp đến cơ quan trong kỳ" },
  { key: "processed", title: c.processed, type: "integer", description: "Hồ sơ hoàn thành trong kỳ" },
  { key: "early", title: c.early, type: "integer", description: "Hoàn thành trước hạn giải quyết theo quy định" },
  { key: "onTime", title: c.onTime, type: "integer", description: "Hoàn thành đúng hạn giải quyết theo quy định" },
  {
    key: "late",
    title: c.late,
    type: "integer",
    description: "Hoàn thành sau hạn giải quyết theo quy định (thư xin lỗi hẹn lại không làm thành đúng hạn)",
  },
  { key: "inProgress", title: c.inProgress, type: "integer", description: "Đang giải quyết vào cuối kỳ (kỳ hiện tại: lúc này)" },
  {
    key: "averageDays",
    title: c.averageDays,
    type: "number",
    nullable: true,
    description: "Thời gian giải quyết trung bình, ngày lịch, một chữ số thập phân",
  },
  { key: "satisfaction", title: c.satisfaction, type: "number", nullable: true, description: "Điểm hài lòng trung bình (1–5)" },
  { key: "ratings", title: c.ratings, type: "integer", description: "Số lượt đánh giá" },
];

/** Columns that hold a code for machines (the CSV and JSON keep them; a page shows the words column beside each). */
export const CODE_COLUMNS: ReadonlySet<string> = new Set(["state", "stateSource"]);

export const TABLE_COLUMNS: Record<PublicTable, Column[]> = {
  "toan-quoc-theo-thang": [
    { key: "month", title: c.month, type: "string", description: "Tháng, dạng yyyy-mm, giờ Việt Nam" },
    ...FIGURE_COLUMNS,
  ],
  "theo-co-quan": [
    { key: "identifier", title: c.identifier, type: "string", description: "Mã định danh cơ quan (QCVN 102:2016)" },
    { key: "agency", title: c.agency, type: "string", description: "Tên cơ quan" },
    ...FIGURE_COLUMNS,
  ],
  "ket-noi": [
    { key: "identifier", title: c.identifier, type: "string", description: "Mã định danh cơ quan (QCVN 102:2016)" },
    { key: "agency", title: c.agency, type: "string", description: "Tên cơ quan" },
    // Codes for machines AND words for readers (issue 18): the code columns stay as they were, the words beside them;
    // the page shows the words only.
    {
      key: "state",
      title: t.columns.stateCode,
      type: "string",
      description: "Mã trạng thái kết nối, cho máy đọc: BOTH_WAYS, RECEIVING_ONLY, SENDING_ONLY, TESTING, NOT_CONNECTED",
    },
    { key: "stateName", title: integrationText.columns.state, type: "string", description: "Trạng thái kết nối bằng lời" },
    {
      key: "stateSource",
      title: t.columns.stateSourceCode,
      type: "string",
      description: "Mã nguồn trạng thái, cho máy đọc: measured (đo từ nhật ký) hoặc recorded (ghi nhận)",
    },
    { key: "stateSourceName", title: t.columns.stateSource, type: "string", description: "Nguồn trạng thái bằng lời" },
    {
      key: "since",
      title: integrationText.columns.since,
      type: "string",
      nullable: true,
      description: "Ngày bắt đầu trạng thái, yyyy-mm-dd giờ Việt Nam",
    },
    { key: "sent30", title: "Văn bản gửi (30 ngày)", type: "integer", description: "Văn bản cơ quan gửi trong 30 ngày qua" },
    { key: "received30", title: "Văn bản nhận (30 ngày)", type: "integer", description: "Văn bản cơ quan nhận trong 30 ngày qua" },
    { key: "servicesLevel3", title: "Dịch vụ mức 3", type: "integer", description: "Dịch vụ công trực tuyến mức độ 3 đang công bố" },
    { key: "servicesLevel4", title: "Dịch vụ mức 4", type: "integer", description: "Dịch vụ công trực tuyến mức độ 4 đang công bố" },
  ],
};

export type PublicRow = Record<string, Cell>;

function figureCells(f: PeriodFigures): PublicRow {
  return {
    received: f.received,
    processed: f.processed,
    early: f.early,
    onTime: f.onTime,
    late: f.late,
    inProgress: f.inProgress,
    averageDays: f.averageProcessingDays,
    satisfaction: f.satisfaction.average,
    ratings: f.satisfaction.count,
  };
}

/** The national figures for the last 12 months (Vietnam time), one row per month. */
export async function nationalMonthly(options: { now?: Date } = {}): Promise<PublicRow[]> {
  const now = options.now ?? new Date();
  const to = currentMonth(now);
  const rows = await scopedFigures({ agencyId: null }, monthPeriods(addMonths(to, -11), to), now);
  return rows.map((r) => ({ month: r.label, ...figureCells(figures(r)) }));
}

/** The current year up to now, nationally. */
export async function nationalYear(options: { now?: Date } = {}): Promise<{ year: number; figures: PeriodFigures }> {
  const now = options.now ?? new Date();
  const year = Number(localDate(now).slice(0, 4));
  const [row] = await scopedFigures({ agencyId: null }, yearPeriod(year), now);
  return { year, figures: figures(row!) };
}

/** The current year up to now, one row per central body and province (every one, even without dossiers). */
export async function agencyYearTable(options: { now?: Date } = {}): Promise<PublicRow[]> {
  const now = options.now ?? new Date();
  const year = Number(localDate(now).slice(0, 4));
  const agencies = Prisma.sql`SELECT a.id FROM agency a WHERE a.kind::text IN ${MONITORED_KINDS_SQL} AND ${inForceSql("a", now)}`;
  const [rows, names] = await Promise.all([
    scopedFigures({ agencyId: null, perAgency: { agencies } }, yearPeriod(year), now),
    // Names only (no figures): the aggregate returns ids.
    db.agency.findMany({
      where: { kind: { in: ["MINISTRY", "MINISTRY_LEVEL", "GOVERNMENT_AGENCY", "PROVINCE"] } },
      select: { id: true, identifier: true, name: true, kind: true },
    }),
  ]);
  const byId = new Map(names.map((n) => [n.id, n]));
  return rows
    .map((r) => ({ r, a: byId.get(r.agency_id) }))
    .filter((x) => x.a)
    .sort((x, y) => Number(x.a!.kind === "PROVINCE") - Number(y.a!.kind === "PROVINCE") || x.a!.name.localeCompare(y.a!.name, "vi"))
    .map(({ r, a }) => ({ identifier: a!.identifier, agency: a!.name, ...figureCells(figures(r)) }));
}

/** The integration overview without anything internal (failures, dead letters and records stay with VPCP). */
export async function publicIntegrationTable(options: { now?: Date } = {}): Promise<PublicRow[]> {
  const rows = await integrationOverview(options);
  return rows.map((r) => ({
    identifier: r.identifier,
    agency: r.name,
    state: r.state,
    stateName: integrationText.states[r.state],
    stateSource: r.stateSource,
    stateSourceName: r.stateSource === "recorded" ? integrationText.recorded : integrationText.measured,
    since: r.since ? localDate(r.since) : null,
    sent30: r.sent30,
    received30: r.received30,
    servicesLevel3: r.servicesLevel3,
    servicesLevel4: r.servicesLevel4,
  }));
}

export async function publicTable(table: PublicTable, options: { now?: Date } = {}): Promise<PublicRow[]> {
  switch (table) {
    case "toan-quoc-theo-thang":
      return nationalMonthly(options);
    case "theo-co-quan":
      return agencyYearTable(options);
    case "ket-noi":
      return publicIntegrationTable(options);
  }
}

/** RFC 4180 CSV with a UTF-8 BOM (Excel then reads the diacritics), Vietnamese headers, dot decimals. */
export function tableCsv(table: PublicTable, rows: readonly PublicRow[]): string {
  const cols = TABLE_COLUMNS[table];
  return toCsv([cols.map((col) => col.title), ...rows.map((r) => cols.map((col) => r[col.key] ?? null))], { bom: true });
}

export interface TableJson {
  table: PublicTable;
  title: string;
  generatedAt: string;
  columns: { key: string; title: string; type: string; description: string }[];
  rows: PublicRow[];
}

export function tableJson(table: PublicTable, rows: PublicRow[], now: Date = new Date()): TableJson {
  return {
    table,
    title: t.tables[table],
    generatedAt: now.toISOString(),
    columns: TABLE_COLUMNS[table].map(({ key, title, type, description }) => ({ key, title, type, description })),
    rows,
  };
}

/** JSON Schema 2020-12 of every JSON download: one definition per table, chosen by "table". */
export function tableSchema(baseUrl: string): object {
  const rowSchema = (table: PublicTable) => ({
    type: "object",
    additionalProperties: false,
    required: TABLE_COLUMNS[table].map((col) => col.key),
    properties: Object.fromEntries(
      TABLE_COLUMNS[table].map((col) => [
        col.key,
        { type: col.nullable ? [col.type, "null"] : col.type, title: col.title, description: col.description },
      ]),
    ),
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${baseUrl}/thong-ke/du-lieu/schema.json`,
    title: "Dữ liệu mở thống kê Cổng Dịch vụ công Quốc gia",
    type: "object",
    required: ["table", "title", "generatedAt", "columns", "rows"],
    properties: {
      table: { enum: [...PUBLIC_TABLES] },
      title: { type: "string" },
      generatedAt: { type: "string", format: "date-time" },
      columns: {
        type: "array",
        items: {
          type: "object",
          required: ["key", "title", "type", "description"],
          properties: {
            key: { type: "string" },
            title: { type: "string" },
            type: { enum: ["string", "integer", "number"] },
            description: { type: "string" },
          },
        },
      },
      rows: { type: "array" },
    },
    oneOf: PUBLIC_TABLES.map((table) => ({
      properties: { table: { const: table }, rows: { type: "array", items: { $ref: `#/$defs/${table}` } } },
    })),
    $defs: Object.fromEntries(PUBLIC_TABLES.map((table) => [table, rowSchema(table)])),
  };
}
