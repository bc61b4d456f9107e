import type { ReactNode } from 'react';
import { Pager } from '@/components/pager';
import { QueryFallback } from '@/components/states';
import type { ListMeta } from '@/lib/api-client';

/** A header cell: its label, or its label and a class (`num` for a right-aligned figure). */
export type TableColumn = string | { label: ReactNode; className?: string };

/**
 * A list shown as a table on a card (rows become stacked cards on a phone through data-table's rules):
 * `caption` names the table for screen readers, `columns` are its header cells, the children its rows.
 * `bare` when it already stands on a card: the table then fills that card's body instead of a card of its own.
 */
export function TableCard({ caption, className, columns, children, bare = false }: { caption: string; className?: string; columns: TableColumn[]; children: ReactNode; bare?: boolean }) {
  return (
    <div className={bare ? 'table-card' : 'card table-card'}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns.map(headerCell)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
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

interface PagedQuery<T> {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: { items: T[]; meta: ListMeta };
}

/**
 * A paged list page's body: the loader or failure until the page of rows is there, `empty` when it has
 * none, otherwise the rows (`row` draws one) on a TableCard with the pager under it.
 */
export function PagedTableCard<T>({
  query,
  empty,
  caption,
  className,
  columns,
  row,
  onOffsetChange,
}: {
  query: PagedQuery<T>;
  empty: ReactNode;
  caption: string;
  className?: string;
  columns: TableColumn[];
  row: (item: T) => ReactNode;
  onOffsetChange: (offset: number) => void;
}) {
  const data = query.isSuccess ? query.data : undefined;
  if (!data) return <QueryFallback query={query} />;
  if (data.items.length === 0) return <>{empty}</>;
  return (
    <>
      <TableCard caption={caption} className={className} columns={columns}>
        {data.items.map(row)}
      </TableCard>
      <Pager meta={data.meta} onOffsetChange={onOffsetChange} />
    </>
  );
}
