import { getTranslations } from "next-intl/server";

export async function LevelBadge({ level }: { level: number }) {
  const t = await getTranslations("catalog");
  const tone = level === 4 ? "bg-green-100 text-green-900 border-green-700" : "bg-amber-50 text-amber-900 border-amber-700";
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {t("levelShort", { level: String(level) })}
    </span>
  );
}
