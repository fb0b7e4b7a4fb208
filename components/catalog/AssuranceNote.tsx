import { getTranslations } from "next-intl/server";

/** A procedure that needs the e-ID's level 2 to be filed online (a demo setting: docs/eid.md). */
export async function AssuranceNote() {
  const t = await getTranslations("catalog.detail");
  return (
    <p role="note" className="rounded border border-sky-800 bg-sky-50 p-2 text-sm text-sky-950" data-testid="yeu-cau-dinh-danh">
      <strong>{t("assuranceLevel")}</strong> — {t("assuranceLevelNote")}
    </p>
  );
}
