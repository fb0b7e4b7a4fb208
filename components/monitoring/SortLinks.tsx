// Sort choices as plain links (?sap-xep=…): the server orders the rows in SQL, so no script is needed.
import Link from "next/link";

export function SortLinks<K extends string>({
  basePath,
  current,
  options,
  label,
}: {
  basePath: string;
  current: K;
  options: Record<K, string>;
  label: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="font-semibold">{label}:</span>
      {(Object.keys(options) as K[]).map((k) => (
        <Link
          key={k}
          href={`${basePath}?sap-xep=${k}`}
          aria-current={k === current ? "true" : undefined}
          className={k === current ? "font-bold no-underline" : ""}
        >
          {options[k]}
        </Link>
      ))}
    </nav>
  );
}
