// The portal's data table: scrolls sideways on a phone, names itself to screen readers, and heads each column.
// Pages give the rows; every list of records (agencies, keys, milestones, inspections …) uses this shell.
export function DataTable({
  caption,
  columns,
  children,
  testId,
  showCaption = false,
  scrollFocusable = false,
}: {
  /** What the table lists: read by screen readers, and shown as the table's title with `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: readonly React.ReactNode[];
  /** The rows (<tr> elements). */
  children: React.ReactNode;
  testId?: string;
  /**
   * For a table with nothing to focus in it (figures only): the sideways-scrolling region takes keyboard focus
   * itself, so a keyboard user can scroll it on a phone (axe scrollable-region-focusable).
   */
  scrollFocusable?: boolean;
}) {
  return (
    <div className="overflow-x-auto" {...(scrollFocusable ? { role: "region", "aria-label": caption, tabIndex: 0 } : {})}>
      <table className="w-full border-collapse bg-white text-left text-sm" data-testid={testId}>
        <caption className={showCaption ? "p-2 text-left text-lg font-semibold" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c, i) => (
              <th key={i} scope="col" className="p-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
