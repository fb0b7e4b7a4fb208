// The row of steps above the filing form: done, current (aria-current) and to come.
export function StepList({ titles, current, label }: { titles: string[]; current: number; label: string }) {
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label={label}>
      {titles.map((title, i) => (
        <li
          key={title}
          aria-current={i === current ? "step" : undefined}
          className={`rounded px-2 py-1 ${i === current ? "bg-brand-800 text-white" : i < current ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}
        >
          {i + 1}. {title}
        </li>
      ))}
    </ol>
  );
}
