import { commonText } from "@/lib/i18n/vi/common";

export interface RadioOption {
  value: string;
  label: string;
  help?: string;
}

/**
 * A required choice among a few options, with its legend, error and per-option help. The first radio
 * carries the field's name as its id, so the error summary's link lands on the group.
 */
export function RadioGroupField({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: RadioOption[];
  value?: string;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${name}-loi` : undefined}>
      <legend className="font-medium">
        {legend}
        <span className="text-red-800"> ({commonText.required})</span>
      </legend>
      {error && (
        <p id={`${name}-loi`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div key={o.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              aria-describedby={o.help ? `${name}-${o.value}-goi-y` : undefined}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={id}>{o.label}</label>
              {o.help && (
                <p id={`${name}-${o.value}-goi-y`} className="text-sm text-slate-700">
                  {o.help}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
