import { commonText } from "@/lib/i18n/vi/common";

export interface TextFieldProps {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  error?: string;
  help?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  maxLength?: number;
  /** The "required" mark in the page's language (Vietnamese by default). */
  requiredText?: string;
}

/** A labelled input with its help text and its error, wired for screen readers. */
export function TextField({
  name,
  label,
  type = "text",
  defaultValue,
  error,
  help,
  required,
  autoComplete,
  inputMode,
  maxLength,
  requiredText = commonText.required,
}: TextFieldProps) {
  const describedBy = [help && `${name}-goi-y`, error && `${name}-loi`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
        {required && <span className="text-red-800"> ({requiredText})</span>}
      </label>
      {help && (
        <p id={`${name}-goi-y`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      {error && (
        <p id={`${name}-loi`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="input"
      />
    </div>
  );
}
