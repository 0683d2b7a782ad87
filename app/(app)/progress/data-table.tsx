import type { ReactNode } from "react";

/** A chart's figures as a table, folded away under "Show as table". */
export function DataTable({
  caption,
  columns,
  rows,
  open = false,
}: {
  caption: string;
  columns: string[];
  rows: ReactNode[][];
  open?: boolean;
}) {
  return (
    <details className="data-table" open={open}>
      <summary>Show as table</summary>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
