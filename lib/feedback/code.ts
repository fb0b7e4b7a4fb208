// Feedback codes: PAKN.YYYYMMDD.NNNN, the local date of receipt and a per-day number. Pure except nextCode.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { localDate } from "@/lib/calendar/time";

const CODE = /^PAKN\.\d{8}\.\d{4,6}$/;

export function isFeedbackCode(value: unknown): value is string {
  return typeof value === "string" && CODE.test(value);
}

function formatFeedbackCode(isoDate: string, n: number): string {
  return `PAKN.${isoDate.replaceAll("-", "")}.${String(n).padStart(4, "0")}`;
}

/** The next code of the local day of `at`: one upsert that takes the number (no two requests get the same one). */
export async function nextFeedbackCode(tx: Tx, at: Date): Promise<string> {
  const day = localDate(at);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO feedback_sequence (day, last) VALUES (${day}::date, 1)
    ON CONFLICT (day) DO UPDATE SET last = feedback_sequence.last + 1
    RETURNING last`;
  return formatFeedbackCode(day, row!.last);
}
