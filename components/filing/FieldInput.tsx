"use client";

// One form field of a service's online form, rendered by its type, with its label, help and error.
import { useEffect, useRef, useState } from "react";
import type { FormField } from "@/lib/forms/definition";
import { dateBounds, type AddressValue } from "@/lib/forms/answers";
import { addressUnitKeys, isThreeLevel, parseUnitKey } from "@/lib/forms/address-map";
import type { CodeLists } from "@/lib/forms/codelists";
import { papersText } from "@/lib/i18n/vi/papers";
import { useFilingText } from "./text";
import { StorePicker } from "./StorePicker";
import type { Upload } from "./types";

export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
  /** Chosen from the citizen's document store rather than uploaded. */
  fromStore?: boolean;
}

export interface FieldProps {
  field: FormField;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
  file?: UploadedFile;
  upload?: Upload;
  onFile?: (file: File) => void;
  /** Takes the paper off (before submission); absent where papers cannot be removed. */
  onRemove?: () => void;
  provinces: { code: string; name: string }[];
  unitNames: Map<string, string>;
  /** The answer's path: the field's id, or `group.index.id` inside a repeating group's item. */
  path?: string;
  /** Required for these answers (always, or because its condition holds); the field's own flag when unset. */
  required?: boolean;
  /** The code lists the page loaded (select / radio with `list`). */
  lists?: CodeLists;
  /** The filing day, YYYY-MM-DD (a date input's bounds). */
  today?: string;
  /** Vouched for by the national e-ID: shown, not editable (lib/filing/prefill.ts verifiedAnswers). */
  readOnly?: boolean;
}

/** The element id of an answer path (`thanhVien.0.quanHe` → `truong-thanhVien-0-quanHe`). */
export const fieldElementId = (path: string) => `truong-${path.replaceAll(".", "-")}`;

function keyOf(p: FieldProps): string {
  return fieldElementId(p.path ?? p.field.id);
}
function isRequired(p: FieldProps): boolean {
  return p.required ?? p.field.required;
}

function Described({ p, error, children }: { p: FieldProps; error?: string; children: React.ReactNode }) {
  const key = keyOf(p);
  return (
    <>
      {p.field.help && (
        <p id={`${key}-goi-y`} className="text-sm text-slate-700">
          {p.field.help}
        </p>
      )}
      {error && (
        <p id={`${key}-loi`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {children}
    </>
  );
}

function describedBy(p: FieldProps, error?: string): string | undefined {
  const key = keyOf(p);
  return [p.field.help && `${key}-goi-y`, error && `${key}-loi`].filter(Boolean).join(" ") || undefined;
}

function Mark({ p }: { p: FieldProps }) {
  const filingText = useFilingText();
  if (isRequired(p)) return <span className="text-red-800"> ({filingText.requiredMark})</span>;
  if (p.field.type === "file") return <span className="text-slate-700"> ({filingText.paperOptional})</span>;
  return null;
}

function Label({ p, htmlFor }: { p: FieldProps; htmlFor: string }) {
  return (
    <label htmlFor={htmlFor} className="block font-medium">
      {p.field.label}
      <Mark p={p} />
    </label>
  );
}

/** The choices of a select / radio: its own options, or its code list's items. */
function choices(p: FieldProps): { value: string; label: string; lang?: "vi" }[] {
  // A code list's items are reference data, in Vietnamese in every language.
  if (p.field.list) return (p.lists?.[p.field.list] ?? []).map((i) => ({ value: i.code, label: i.label, lang: "vi" as const }));
  return p.field.options ?? [];
}

interface LoadedUnits {
  parent: string;
  units: { code: string; name: string }[];
}

async function loadUnits(parent: string, names: Map<string, string>): Promise<{ code: string; name: string }[]> {
  const res = await fetch(`/api/dia-gioi?cha=${encodeURIComponent(parent)}`);
  if (!res.ok) return [];
  const units = (await res.json()) as { code: string; name: string }[];
  for (const u of units) names.set(u.code, u.name);
  return units;
}

function AddressInput(p: FieldProps) {
  const filingText = useFilingText();
  const { value, error, onChange, provinces, unitNames } = p;
  const v: AddressValue =
    typeof value === "object" && value !== null ? (value as AddressValue) : { province: "", district: "", ward: "", street: "" };
  // The list remembers the province it was loaded for, so a changed province shows nothing until its own list arrives.
  const [loadedCommunes, setCommunes] = useState<LoadedUnits>({ parent: "", units: [] });
  const old = isThreeLevel(v);
  useEffect(() => {
    const parent = v.province;
    if (parent && !old) void loadUnits(parent, unitNames).then((units) => setCommunes({ parent, units }));
  }, [v.province, old, unitNames]);
  const communes = v.province && loadedCommunes.parent === v.province ? loadedCommunes.units : [];
  const set = (patch: Partial<AddressValue>) => onChange({ ...v, ...patch });
  const id = keyOf(p);
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(p, error)} id={id}>
      <legend className="font-medium">
        {p.field.label}
        <Mark p={p} />
      </legend>
      <Described p={p} error={error}>
        {old ? (
          // An address written before 1 July 2025 (a resumed draft's), shown as written, with its district.
          <div className="space-y-2 rounded border border-slate-300 p-3" data-testid="old-address">
            <p className="text-sm">{filingText.oldAddress}</p>
            <p className="font-medium break-words">
              {[v.street, ...addressUnitKeys(v).map((k) => unitNames.get(k) ?? parseUnitKey(k).code)].filter((x) => x.trim()).join(", ")}
            </p>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => onChange({ province: "", district: "", ward: "", street: v.street })}
            >
              {filingText.oldAddressRepick}
            </button>
          </div>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-tinh`} className="block text-sm">
                {filingText.addressProvince}
              </label>
              <select
                id={`${id}-tinh`}
                className="input"
                value={v.province}
                onChange={(e) => set({ province: e.target.value, district: "", ward: "" })}
              >
                <option value="">{filingText.addressChoose}</option>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code} lang="vi">
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-xa`} className="block text-sm">
                {filingText.addressCommune}
              </label>
              <select
                id={`${id}-xa`}
                className="input"
                value={v.ward}
                disabled={!v.province}
                onChange={(e) => set({ district: "", ward: e.target.value })}
              >
                <option value="">{filingText.addressChoose}</option>
                {communes.map((p) => (
                  <option key={p.code} value={p.code} lang="vi">
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <label htmlFor={`${id}-so-nha`} className="block text-sm">
          {filingText.addressStreet}
        </label>
        <input
          id={`${id}-so-nha`}
          className="input"
          value={v.street}
          maxLength={300}
          onChange={(e) => set({ street: e.target.value })}
          autoComplete="street-address"
        />
      </Described>
    </fieldset>
  );
}

function FileInput(p: FieldProps) {
  const filingText = useFilingText();
  const { field, error, file, upload, onFile, onRemove } = p;
  const id = keyOf(p);
  const input = useRef<HTMLInputElement>(null);
  const uploadError = upload && "error" in upload ? upload.error : undefined;
  const shownError = uploadError ?? error;
  const uploading = upload && "progress" in upload ? upload.progress : undefined;
  return (
    <div className="space-y-1">
      <Label p={p} htmlFor={id} />
      <Described p={p} error={shownError}>
        {file && uploading === undefined && (
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm break-all text-green-900" data-testid={`tep-${field.id}`}>
              {file.fromStore ? papersText.chosen : filingText.file.uploaded}: {file.fileName} ({Math.max(1, Math.round(file.size / 1024))}{" "}
              KB)
            </p>
            {onRemove && (
              <>
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-0.5 text-sm"
                  onClick={() => {
                    onRemove();
                    input.current?.focus();
                  }}
                >
                  {filingText.file.remove}
                  <span className="sr-only">{filingText.file.ofPaper(field.label, file.fileName)}</span>
                </button>
                {onFile && (
                  <button type="button" className="btn btn-secondary px-2 py-0.5 text-sm" onClick={() => input.current?.click()}>
                    {filingText.file.replace}
                    <span className="sr-only">{filingText.file.ofPaper(field.label, file.fileName)}</span>
                  </button>
                )}
              </>
            )}
          </div>
        )}
        {upload && "removed" in upload && (
          <p className="text-sm" role="status">
            {filingText.file.removed(upload.removed)}
          </p>
        )}
        {uploading !== undefined && (
          <p className="text-sm" role="status">
            <progress max={100} value={uploading} aria-label={filingText.file.uploading(uploading)} className="mr-2 align-middle" />
            {filingText.file.uploading(uploading)}
          </p>
        )}
        <input
          ref={input}
          id={id}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          className="block max-w-full text-sm"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(p, shownError)}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f && onFile) onFile(f);
            e.target.value = "";
          }}
        />
        <StorePicker field={field} />
      </Described>
    </div>
  );
}

export function FieldInput(props: FieldProps) {
  const t = useFilingText();
  const { field, value, error, onChange } = props;
  const id = keyOf(props);
  const common = {
    id,
    name: props.path ?? field.id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(props, error),
    className: props.readOnly ? "input bg-slate-100" : "input",
    readOnly: props.readOnly,
  } as const;
  const bounds = field.type === "date" && props.today ? dateBounds(field, props.today) : undefined;
  const str = typeof value === "string" ? value : "";
  switch (field.type) {
    case "address":
      return <AddressInput {...props} />;
    case "file":
      return <FileInput {...props} />;
    case "checkbox":
      return (
        <div className="space-y-1">
          <Described p={props} error={error}>
            <label htmlFor={id} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                className="mt-1 h-5 w-5"
                checked={value === true}
                onChange={(e) => onChange(e.target.checked)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(props, error)}
              />
              <span>
                {field.label}
                <Mark p={props} />
              </span>
            </label>
          </Described>
        </div>
      );
    case "radio":
      return (
        <fieldset id={id} aria-describedby={describedBy(props, error)}>
          <legend className="font-medium">
            {field.label}
            <Mark p={props} />
          </legend>
          <Described p={props} error={error}>
            {choices(props).map((o) => (
              <label key={o.value} className="mr-4 inline-flex items-center gap-2">
                <input
                  type="radio"
                  name={props.path ?? field.id}
                  value={o.value}
                  checked={str === o.value}
                  onChange={() => onChange(o.value)}
                />
                <span lang={o.lang}>{o.label}</span>
              </label>
            ))}
          </Described>
        </fieldset>
      );
    default:
      return (
        <div className="space-y-1">
          <Label p={props} htmlFor={id} />
          <Described p={props} error={error}>
            {field.type === "textarea" ? (
              <textarea {...common} rows={4} value={str} maxLength={field.maxLength ?? 5000} onChange={(e) => onChange(e.target.value)} />
            ) : field.type === "select" ? (
              <select {...common} value={str} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t.addressChoose}</option>
                {choices(props).map((o) => (
                  <option key={o.value} value={o.value} lang={o.lang}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type === "date" ? "date" : field.type === "email" ? "email" : field.type === "phone" ? "tel" : "text"}
                inputMode={field.type === "cccd" || field.type === "number" || field.type === "year" ? "numeric" : undefined}
                maxLength={field.type === "cccd" ? 12 : field.type === "year" ? 4 : (field.maxLength ?? 500)}
                min={bounds?.min}
                max={bounds?.max}
                autoComplete={
                  field.prefill === "fullName"
                    ? "name"
                    : field.prefill === "email"
                      ? "email"
                      : field.prefill === "phone"
                        ? "tel"
                        : field.prefill === "dateOfBirth"
                          ? "bday"
                          : undefined
                }
                value={str}
                onChange={(e) => onChange(e.target.value)}
              />
            )}
          </Described>
        </div>
      );
  }
}
