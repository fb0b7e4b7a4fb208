import { commonText } from "@/lib/i18n/vi/common";

/** The list of errors at the top of a form, each linking to its field. */
export function ErrorSummary({
  message,
  fieldErrors,
  labels,
  anchorFor = (field) => field,
  title = commonText.errorSummaryTitle,
}: {
  message?: string;
  fieldErrors: Record<string, string>;
  labels: Record<string, string>;
  /** The id of the element a field's error links to (its input). */
  anchorFor?: (field: string) => string;
  /** The heading (the page's language; Vietnamese by default). */
  title?: string;
}) {
  const entries = Object.entries(fieldErrors).filter(([k]) => k in labels);
  // A message that is one of the field errors is said once, in the list.
  const lead = message && !entries.some(([, m]) => m === message) ? message : undefined;
  if (!lead && entries.length === 0) return null;
  return (
    <div role="alert" tabIndex={-1} id="tom-tat-loi" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
      <h2 className="font-semibold">{title}</h2>
      {lead && <p>{lead}</p>}
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {entries.map(([field, msg]) => (
            <li key={field}>
              <a href={`#${anchorFor(field)}`} className="text-red-900 underline">
                {msg}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
