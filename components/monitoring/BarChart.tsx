// A grouped bar chart as an accessible SVG: role="img" with a <title> and a <desc> naming every value.
// Pages always put the same numbers in a table next to it; the legend is for sighted readers.
export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
  /** Tailwind fill class of the bars and the legend swatch. */
  fill: string;
  swatch: string;
}

const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export function BarChart({
  id,
  title,
  labels,
  series,
  labelEvery = 1,
}: {
  id: string;
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  labelEvery?: number;
}) {
  const bar = series.length > 1 ? 7 : 12;
  const slot = Math.max(series.length * bar + 6, 18);
  const left = 44;
  const top = 16;
  const plot = 150;
  const width = left + labels.length * slot + 8;
  const height = top + plot + 30;
  const scale = niceCeiling(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (v: number) => top + plot - (v / scale) * plot;
  const desc = labels
    .map(
      (label, i) =>
        `${label}: ${series.map((s) => `${s.name} ${s.values[i] == null ? "không có" : decimal.format(s.values[i]!)}`).join(", ")}.`,
    )
    .join(" ");
  return (
    <div className="space-y-2">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        style={{ maxWidth: `${Math.max(width, 320)}px` }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {[0, scale / 2, scale].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} className="stroke-slate-300" strokeWidth={1} />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} className="fill-slate-700">
              {decimal.format(v)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          const x0 = left + i * slot + (slot - series.length * bar) / 2;
          return (
            <g key={label}>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                return <rect key={s.name} x={x0 + k * bar} y={y(v)} width={bar - 1} height={top + plot - y(v)} className={s.fill} />;
              })}
              {i % labelEvery === 0 && (
                <text x={left + i * slot + slot / 2} y={top + plot + 16} textAnchor="middle" fontSize={10} className="fill-slate-700">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p aria-hidden="true" className="flex flex-wrap gap-4 text-sm text-slate-700">
        {series.map((s) => (
          <span key={s.name} className="inline-flex items-center gap-1">
            <span className={`inline-block h-3 w-3 ${s.swatch}`} /> {s.name}
          </span>
        ))}
      </p>
    </div>
  );
}
