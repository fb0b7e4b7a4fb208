import { getTranslations } from "next-intl/server";
import type { FormDefinition } from "@/lib/forms/definition";

/**
 * The download of the blank declaration form (app/(public)/thu-tuc/[code]/to-khai.pdf), labelled by what it is:
 * the official declaration when the form names its source, else the portal's generic request form. The form
 * itself is Vietnamese in either language.
 */
export async function BlankFormLink({ code, definition }: { code: string; definition: FormDefinition }) {
  const t = await getTranslations("catalog.detail");
  const source = definition.source;
  return (
    <p className="text-sm">
      <a href={`/thu-tuc/${code}/to-khai.pdf`} download className="font-semibold" data-testid="blank-form-link">
        {source ? (
          <>
            {t("blankFormOfficial")} <span lang="vi">{source.form}</span>
          </>
        ) : (
          t("blankFormGeneric")
        )}
      </a>
      {!source && <span className="block text-slate-700">{t("blankFormGenericNote")}</span>}
      {source && source.status !== "confirmed" && <span className="block text-slate-700">{t("blankFormUnconfirmed")}</span>}
    </p>
  );
}
