import type { ReactNode } from 'react';
import { Pager } from '@/components/pager';
import { QueryView, type EmptyContent, type QueryLike } from '@/components/states';
import type { ListMeta } from '@/lib/api-client';

/** A header cell: its label, or its label and a class (`num` for a right-aligned figure). */
export type TableColumn = string | { label: ReactNode; className?: string };

/**
 * A table of rows (stacked cards on a phone through data-table's rules): `caption` names it for screen
 * readers, `columns` are its header cells, the children its rows. A table wider than its box scrolls inside it;
 * `busy` while newer rows are on their way.
 */
export function DataTable({ caption, className, columns, busy, children }: { caption: string; className?: string; columns: TableColumn[]; busy?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'} aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns.map(headerCell)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A list shown as a DataTable on a card of its own: `footer` stands under the rows (a count, "show more");
 * `busy` while newer rows are on their way.
 */
export function TableCard({
  footer,
  busy,
  ...table
}: {
  caption: string;
  className?: string;
  columns: TableColumn[];
  children: ReactNode;
  footer?: ReactNode;
  busy?: boolean;
}) {
  return (
    <div className="card table-card" aria-busy={busy}>
      <DataTable {...table} />
      {footer}
    </div>
  );
}

function headerCell(column: TableColumn, index: number) {
  const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column;
  return (
    <th key={index} scope="col" className={className}>
      {label}
    </th>
  );
}

/**
 * A paged list page's body: QueryView's loader, failure and `empty` state, then the rows (`row` draws one) on a
 * TableCard with the pager under it.
 */
export function PagedTableCard<T>({
  query,
  empty,
  row,
  onOffsetChange,
  ...table
}: {
  query: QueryLike & { data: { items: T[]; meta: ListMeta } | undefined };
  empty: EmptyContent;
  caption: string;
  className?: string;
  columns: TableColumn[];
  row: (item: T) => ReactNode;
  onOffsetChange: (offset: number) => void;
}) {
  return (
    <QueryView query={query} empty={empty}>
      {(data) => (
        <>
          <TableCard {...table}>{data.items.map(row)}</TableCard>
          <Pager meta={data.meta} onOffsetChange={onOffsetChange} />
        </>
      )}
    </QueryView>
  );
}
