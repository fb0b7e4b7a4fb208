// Open data of the public statistics: /thong-ke/du-lieu/<table>.csv | <table>.json, and schema.json.
import { csvDownload } from "@/lib/files/csv";
import { notFoundText } from "@/lib/files/download";
import { publicStatsText as t } from "@/lib/i18n/vi/monitoring";
import { publicStatsSnapshot, snapshotTable } from "@/lib/monitoring/public-cached";
import { isPublicTable, tableCsv, tableJson, tableSchema } from "@/lib/monitoring/public-stats";

const CACHE = "public, max-age=60";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === "schema.json") {
    const base = process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || new URL(request.url).origin;
    return Response.json(tableSchema(base.replace(/\/$/, "")), {
      headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": CACHE },
    });
  }
  const m = /^([a-z-]+)\.(csv|json)$/.exec(file);
  if (!m || !isPublicTable(m[1]!)) return notFoundText(t.notFound);
  const table = m[1]!;
  const rows = snapshotTable(await publicStatsSnapshot(), table);
  if (m[2] === "json") return Response.json(tableJson(table, rows), { headers: { "Cache-Control": CACHE } });
  return csvDownload(tableCsv(table, rows), `thong-ke-${table}.csv`, CACHE);
}
