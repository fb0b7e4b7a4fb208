import type { FormDefinition } from "@/lib/forms/definition";
import { blankFormText } from "@/lib/i18n/vi/blank-form";

/**
 * The download of the blank declaration form (app/(public)/thu-tuc/[code]/to-khai.pdf), labelled by what it is:
 * the official declaration when the form names its source, else the portal's generic request form.
 */
export function BlankFormLink({ code, definition }: { code: string; definition: FormDefinition }) {
  const t = blankFormText.link;
  const source = definition.source;
  return (
    <p className="text-sm">
      <a href={`/thu-tuc/${code}/to-khai.pdf`} download className="font-semibold" data-testid="blank-form-link">
        {source ? t.official(source.form) : t.generic}
      </a>
      {!source && <span className="block text-slate-700">{t.genericNote}</span>}
      {source && source.status !== "confirmed" && <span className="block text-slate-700">{t.unconfirmed}</span>}
    </p>
  );
}
