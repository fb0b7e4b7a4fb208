// The officer's agency statistics as a CSV download (?tu=yyyy-mm&den=yyyy-mm, like the page).
import { routePermission } from "@/lib/auth/current-user";
import { csvDownload } from "@/lib/files/csv";
import { statisticsText as t } from "@/lib/i18n/vi/statistics";
import {
  agencyMonthlyStatistics,
  monthRangeMessage,
  officerStatisticsAgency,
  parseMonthRange,
  statisticsCsv,
} from "@/lib/monitoring/agency-stats";

const PATH = "/can-bo/thong-ke/csv";

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request) {
  const { user, refused } = await routePermission("workspace.read", PATH);
  if (refused) return refused;
  const agency = await officerStatisticsAgency(user);
  if (!agency) return text(404, t.noAgency);
  const params = new URL(request.url).searchParams;
  const range = parseMonthRange({ tu: params.get("tu") ?? undefined, den: params.get("den") ?? undefined });
  // A download must not silently hold other months than those asked for, unlike the page, which says so.
  if (range.error) return text(400, monthRangeMessage(range.error));
  const rows = await agencyMonthlyStatistics(agency.id, range.from, range.to);
  return csvDownload(statisticsCsv(rows), t.csvFileName(agency.identifier, range.from, range.to), "private, no-store");
}
