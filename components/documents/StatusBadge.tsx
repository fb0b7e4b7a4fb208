import { QCVN_STATUS, URGENCY } from "@/lib/documents/types";

/** A recipient's QCVN 102 status, code and name. */
export function DocStatus({ code }: { code: string }) {
  const name = (QCVN_STATUS as Record<string, string>)[code] ?? code;
  const tone =
    code === "06"
      ? "border-green-700 bg-green-50 text-green-900"
      : code === "02" || code === "13"
        ? "border-red-700 bg-red-50 text-red-900"
        : "border-slate-500 bg-white text-slate-900";
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {code} – {name}
    </span>
  );
}

/** Urgent documents stand out: khẩn and above in red, in words. */
export function Urgency({ level }: { level: number }) {
  if (level === 0) return null;
  return (
    <span className="inline-block rounded bg-red-800 px-2 py-0.5 text-xs font-bold uppercase text-white">
      {URGENCY[level as 1 | 2 | 3]}
    </span>
  );
}
