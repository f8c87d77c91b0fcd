/** A table's row of column headings; `hidden` first names a column for screen readers only (a column of boxes to tick). */
export function TableHead({ columns, hidden }: { columns: string[]; hidden?: string }) {
  return (
    <thead>
      <tr>
        {hidden !== undefined && (
          <th scope="col">
            <span class="visually-hidden">{hidden}</span>
          </th>
        )}
        {columns.map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
