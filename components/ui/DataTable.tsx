// The portal's data table: scrolls sideways on a phone, names itself to screen readers, and heads each column.
// Pages give the rows; every list of records (agencies, keys, milestones, inspections …) uses this shell.
export function DataTable({
  caption,
  columns,
  children,
  testId,
}: {
  /** Read by screen readers only: what the table lists. */
  caption: string;
  columns: readonly React.ReactNode[];
  /** The rows (<tr> elements). */
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
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
