import type { ReactNode } from 'react';
import './live.css';

export interface Column<Row> {
  id: string;
  label: string;
  value(row: Row): ReactNode;
  /** Right-aligned, in tabular figures. */
  numeric?: boolean;
}

interface FigureTableProps<Row> {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  rowClassName?(row: Row): string | undefined;
  /** Shown instead of an empty table. */
  empty: string;
}

/** A table of figures, one row per channel, pool, branch, journey or variant. */
export function FigureTable<Row>({ label, columns, rows, rowKey, rowClassName, empty }: FigureTableProps<Row>) {
  if (rows.length === 0) return <p className="monitor-empty">{empty}</p>;
  return (
    <table className="figure-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={column.numeric ? 'number' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column) => (
              <td key={column.id} className={column.numeric ? 'number' : undefined}>
                {column.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
