import { eidText } from "@/lib/i18n/vi/eid";

/** A procedure that needs the e-ID's level 2 to be filed online (a demo setting: docs/eid.md). */
export function AssuranceNote() {
  return (
    <p role="note" className="rounded border border-sky-800 bg-sky-50 p-2 text-sm text-sky-950" data-testid="yeu-cau-dinh-danh">
      <strong>{eidText.procedureLevel}</strong> — {eidText.procedureLevelNote}
    </p>
  );
}
