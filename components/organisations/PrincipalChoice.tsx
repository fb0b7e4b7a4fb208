"use client";

// "Nộp hồ sơ cho": for whom the citizen files — themself, one of their organisations, or another person
// (their name and CCCD, and the authorisation paper uploaded like the form's papers). Which choices show
// is decided by the procedure's applicants (lib/organisations/principal.ts); the page hands them in.
import { FieldInput, fieldElementId, type UploadedFile } from "@/components/filing/FieldInput";
import type { Upload } from "@/components/filing/types";
import type { FormField } from "@/lib/forms/definition";
import { useTranslations } from "next-intl";
import { AUTHORISATION_FIELD, type DraftPrincipal, type PrincipalKind } from "@/lib/organisations/principal";

export interface PrincipalOptions {
  allowed: PrincipalKind[];
  organisations: { id: string; name: string; taxCode: string }[];
  initial: DraftPrincipal | null;
}

export function PrincipalChoice({
  options,
  value,
  errors,
  onChange,
  file,
  upload,
  onFile,
}: {
  options: PrincipalOptions;
  value: DraftPrincipal | null;
  errors: Record<string, string>;
  onChange: (p: DraftPrincipal) => void;
  file?: UploadedFile;
  upload?: Upload;
  onFile: (field: FormField, file: File) => void;
}) {
  // Words from the filing form's catalog namespace (the filing page's NextIntlClientProvider).
  const t = useTranslations("filing.principal");
  const required = useTranslations("filing")("requiredMark");
  const PAPER: FormField = {
    id: AUTHORISATION_FIELD,
    type: "file",
    label: t("authorisation"),
    help: t("authorisationHelp"),
    required: true,
  };
  // One radio per organisation (so the choice is one group), then oneself and another person.
  const radios: { key: string; label: string; principal: DraftPrincipal }[] = [
    ...(options.allowed.includes("self") ? [{ key: "self", label: t("self"), principal: { kind: "self" as const } }] : []),
    ...(options.allowed.includes("organisation")
      ? options.organisations.map((o) => ({
          key: `org-${o.id}`,
          label: t("organisation", { name: o.name, taxCode: o.taxCode }),
          principal: { kind: "organisation" as const, organisationId: o.id },
        }))
      : []),
    ...(options.allowed.includes("behalf")
      ? [{ key: "behalf", label: t("behalf"), principal: { kind: "behalf" as const, name: value?.name ?? "", cccd: value?.cccd ?? "" } }]
      : []),
  ];
  const checked = (p: DraftPrincipal) => value?.kind === p.kind && (p.kind !== "organisation" || value.organisationId === p.organisationId);
  const kindError = errors["principal.kind"] ?? errors["principal.organisationId"];
  const input = (name: "name" | "cccd", label: string, help?: string) => {
    const id = fieldElementId(`principal.${name}`);
    const error = errors[`principal.${name}`];
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-medium">
          {label}
          <span className="text-red-800"> ({required})</span>
        </label>
        {help && (
          <p id={`${id}-goi-y`} className="text-sm text-slate-700">
            {help}
          </p>
        )}
        {error && (
          <p id={`${id}-loi`} className="text-sm font-semibold text-red-800">
            {error}
          </p>
        )}
        <input
          id={id}
          type="text"
          className="w-full rounded border border-slate-500 p-2"
          value={value?.[name] ?? ""}
          inputMode={name === "cccd" ? "numeric" : undefined}
          maxLength={name === "cccd" ? 14 : 100}
          aria-invalid={error ? true : undefined}
          aria-describedby={[help && `${id}-goi-y`, error && `${id}-loi`].filter(Boolean).join(" ") || undefined}
          onChange={(e) => onChange({ kind: "behalf", name: value?.name ?? "", cccd: value?.cccd ?? "", [name]: e.target.value })}
        />
      </div>
    );
  };
  return (
    <section className="card space-y-3" aria-labelledby="nop-cho" data-testid="nop-ho-so-cho">
      <fieldset className="space-y-2" aria-describedby={kindError ? "nop-cho-loi" : undefined}>
        <legend id="nop-cho" className="text-lg font-semibold">
          {t("legend")}
        </legend>
        {!options.allowed.includes("self") && <p className="text-sm text-slate-700">{t("businessOnly")}</p>}
        {kindError && (
          <p id="nop-cho-loi" className="text-sm font-semibold text-red-800">
            {kindError}
          </p>
        )}
        {radios.map((r, i) => (
          <div key={r.key} className="flex items-start gap-2">
            <input
              type="radio"
              name="nop-ho-so-cho"
              id={i === 0 ? fieldElementId("principal.kind") : `nop-cho-${r.key}`}
              className="mt-1"
              checked={checked(r.principal)}
              onChange={() => onChange(r.principal)}
            />
            <label htmlFor={i === 0 ? fieldElementId("principal.kind") : `nop-cho-${r.key}`}>{r.label}</label>
          </div>
        ))}
      </fieldset>
      {value?.kind === "behalf" && (
        <div className="space-y-3 border-l-4 border-slate-300 pl-4">
          {input("name", t("behalfName"))}
          {input("cccd", t("behalfCccd"), t("behalfCccdHelp"))}
          <FieldInput
            field={PAPER}
            value={file?.id}
            error={errors[AUTHORISATION_FIELD]}
            onChange={() => {}}
            file={file}
            upload={upload}
            onFile={(f) => onFile(PAPER, f)}
            provinces={[]}
            unitNames={new Map()}
          />
        </div>
      )}
    </section>
  );
}
