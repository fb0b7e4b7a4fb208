"use client";

// One form field of a service's online form, rendered by its type, with its label, help and error.
import { useEffect, useState } from "react";
import type { FormField } from "@/lib/forms/definition";
import type { AddressValue } from "@/lib/filing/answers-schema";
import { commonText } from "@/lib/i18n/vi/common";
import { filingText } from "@/lib/i18n/vi/filing";

export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
}

export interface FieldProps {
  field: FormField;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
  file?: UploadedFile;
  upload?: { progress: number } | { error: string };
  onFile?: (file: File) => void;
  provinces: { code: string; name: string }[];
  unitNames: Map<string, string>;
}

const fid = (id: string) => `truong-${id}`;

function Described({ field, error, children }: { field: FormField; error?: string; children: React.ReactNode }) {
  return (
    <>
      {field.help && (
        <p id={`${fid(field.id)}-goi-y`} className="text-sm text-slate-700">
          {field.help}
        </p>
      )}
      {error && (
        <p id={`${fid(field.id)}-loi`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {children}
    </>
  );
}

function describedBy(field: FormField, error?: string): string | undefined {
  return [field.help && `${fid(field.id)}-goi-y`, error && `${fid(field.id)}-loi`].filter(Boolean).join(" ") || undefined;
}

function Label({ field, htmlFor }: { field: FormField; htmlFor: string }) {
  return (
    <label htmlFor={htmlFor} className="block font-medium">
      {field.label}
      {field.required && <span className="text-red-800"> ({commonText.required})</span>}
    </label>
  );
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

function AddressInput({ field, value, error, onChange, provinces, unitNames }: FieldProps) {
  const v: AddressValue =
    typeof value === "object" && value !== null ? (value as AddressValue) : { province: "", district: "", ward: "", street: "" };
  // Each list remembers the parent it was loaded for, so a changed parent shows nothing until its own list arrives.
  const [loadedDistricts, setDistricts] = useState<LoadedUnits>({ parent: "", units: [] });
  const [loadedWards, setWards] = useState<LoadedUnits>({ parent: "", units: [] });
  useEffect(() => {
    const parent = v.province;
    if (parent) void loadUnits(parent, unitNames).then((units) => setDistricts({ parent, units }));
  }, [v.province, unitNames]);
  useEffect(() => {
    const parent = v.district;
    if (parent) void loadUnits(parent, unitNames).then((units) => setWards({ parent, units }));
  }, [v.district, unitNames]);
  const districts = v.province && loadedDistricts.parent === v.province ? loadedDistricts.units : [];
  const wards = v.district && loadedWards.parent === v.district ? loadedWards.units : [];
  const set = (patch: Partial<AddressValue>) => onChange({ ...v, ...patch });
  const id = fid(field.id);
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(field, error)} id={id}>
      <legend className="font-medium">
        {field.label}
        {field.required && <span className="text-red-800"> ({commonText.required})</span>}
      </legend>
      <Described field={field} error={error}>
        <div className="grid gap-2 sm:grid-cols-3">
          <div>
            <label htmlFor={`${id}-tinh`} className="block text-sm">
              Tỉnh, thành phố
            </label>
            <select
              id={`${id}-tinh`}
              className="input"
              value={v.province}
              onChange={(e) => set({ province: e.target.value, district: "", ward: "" })}
            >
              <option value="">— Chọn —</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-huyen`} className="block text-sm">
              Quận, huyện
            </label>
            <select
              id={`${id}-huyen`}
              className="input"
              value={v.district}
              disabled={!v.province}
              onChange={(e) => set({ district: e.target.value, ward: "" })}
            >
              <option value="">— Chọn —</option>
              {districts.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-xa`} className="block text-sm">
              Phường, xã
            </label>
            <select id={`${id}-xa`} className="input" value={v.ward} disabled={!v.district} onChange={(e) => set({ ward: e.target.value })}>
              <option value="">— Chọn —</option>
              {wards.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor={`${id}-so-nha`} className="block text-sm">
          Số nhà, đường, thôn, xóm
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

function FileInput({ field, error, file, upload, onFile }: FieldProps) {
  const id = fid(field.id);
  const uploadError = upload && "error" in upload ? upload.error : undefined;
  const shownError = uploadError ?? error;
  return (
    <div className="space-y-1">
      <Label field={field} htmlFor={id} />
      <Described field={field} error={shownError}>
        {file && !upload && (
          <p className="text-sm text-green-900" data-testid={`tep-${field.id}`}>
            {filingText.file.uploaded}: {file.fileName} ({Math.max(1, Math.round(file.size / 1024))} KB)
          </p>
        )}
        {upload && "progress" in upload && (
          <p className="text-sm" role="status">
            <progress
              max={100}
              value={upload.progress}
              aria-label={filingText.file.uploading(upload.progress)}
              className="mr-2 align-middle"
            />
            {filingText.file.uploading(upload.progress)}
          </p>
        )}
        <input
          id={id}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          className="block text-sm"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(field, shownError)}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f && onFile) onFile(f);
            e.target.value = "";
          }}
        />
      </Described>
    </div>
  );
}

export function FieldInput(props: FieldProps) {
  const { field, value, error, onChange } = props;
  const id = fid(field.id);
  const common = {
    id,
    name: field.id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(field, error),
    className: "input",
  } as const;
  const str = typeof value === "string" ? value : "";
  switch (field.type) {
    case "address":
      return <AddressInput {...props} />;
    case "file":
      return <FileInput {...props} />;
    case "checkbox":
      return (
        <div className="space-y-1">
          <Described field={field} error={error}>
            <label htmlFor={id} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                className="mt-1 h-5 w-5"
                checked={value === true}
                onChange={(e) => onChange(e.target.checked)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(field, error)}
              />
              <span>
                {field.label}
                {field.required && <span className="text-red-800"> ({commonText.required})</span>}
              </span>
            </label>
          </Described>
        </div>
      );
    case "radio":
      return (
        <fieldset id={id} aria-describedby={describedBy(field, error)}>
          <legend className="font-medium">
            {field.label}
            {field.required && <span className="text-red-800"> ({commonText.required})</span>}
          </legend>
          <Described field={field} error={error}>
            {field.options?.map((o) => (
              <label key={o.value} className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name={field.id} value={o.value} checked={str === o.value} onChange={() => onChange(o.value)} />
                {o.label}
              </label>
            ))}
          </Described>
        </fieldset>
      );
    default:
      return (
        <div className="space-y-1">
          <Label field={field} htmlFor={id} />
          <Described field={field} error={error}>
            {field.type === "textarea" ? (
              <textarea {...common} rows={4} value={str} maxLength={5000} onChange={(e) => onChange(e.target.value)} />
            ) : field.type === "select" ? (
              <select {...common} value={str} onChange={(e) => onChange(e.target.value)}>
                <option value="">— Chọn —</option>
                {field.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type === "date" ? "date" : field.type === "email" ? "email" : field.type === "phone" ? "tel" : "text"}
                inputMode={field.type === "cccd" || field.type === "number" ? "numeric" : undefined}
                maxLength={field.type === "cccd" ? 12 : 500}
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
