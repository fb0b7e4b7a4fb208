import { eidText } from "@/lib/i18n/vi/eid";

/** The mark of a detail the national e-ID vouched for. */
export function Verified({ on }: { on: Date | null }) {
  if (!on) return null;
  return <span className="ml-1 inline-block rounded bg-green-100 px-1.5 text-sm font-medium text-green-900">{eidText.verified}</span>;
}
