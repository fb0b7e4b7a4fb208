// A connection state in words and colour, with where it comes from: measured from the log, or recorded.
import type { ConnectionState } from "@/lib/monitoring/integration";
import { integrationText as t } from "@/lib/i18n/vi/monitoring";

const TONE: Record<ConnectionState, string> = {
  BOTH_WAYS: "border-green-700 bg-green-50 text-green-900",
  RECEIVING_ONLY: "border-sky-700 bg-sky-50 text-sky-900",
  SENDING_ONLY: "border-sky-700 bg-sky-50 text-sky-900",
  TESTING: "border-amber-700 bg-amber-50 text-amber-900",
  NOT_CONNECTED: "border-slate-500 bg-slate-50 text-slate-800",
};

export function StateBadge({ state, source }: { state: ConnectionState; source: "measured" | "recorded" }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm ${TONE[state]}`}>
      {t.states[state]}{" "}
      <span className={source === "recorded" ? "font-semibold italic" : "text-xs"}>
        ({source === "recorded" ? t.recorded : t.measured})
      </span>
    </span>
  );
}
