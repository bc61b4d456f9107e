import type { ReactNode } from 'react';

/**
 * A list shown as a table on a card (rows become stacked cards on a phone through data-table's rules):
 * `caption` names the table for screen readers, `columns` are its header cells, the children its rows.
 */
export function TableCard({ caption, className, columns, children }: { caption: string; className?: string; columns: ReactNode; children: ReactNode }) {
  return (
    <div className="card table-card">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
