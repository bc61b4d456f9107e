import type { ReactNode } from 'react';

/** One row of a report: its name, then one figure a column (null leaves that column blank, as a total it has no meaning for). */
export interface ReportRow {
  key: string | number;
  name: ReactNode;
  figures: Array<ReactNode | null>;
  /** A group's subtotal, on a band. */
  subtotal?: boolean;
  testId?: string;
}

function Row({ row, labels }: { row: ReportRow; labels: string[] }) {
  return (
    <tr className={row.subtotal ? 'report-table__subtotal' : undefined} data-testid={row.testId}>
      <th scope="row" className="cell-main">
        {row.name}
      </th>
      {row.figures.map((figure, index) =>
        figure === null ? (
          <td key={index} className="num report-table__blank" aria-hidden="true" />
        ) : (
          <td key={index} className="num" data-label={labels[index]}>
            {figure}
          </td>
        ),
      )}
    </tr>
  );
}

/**
 * The table every report shares: a card, one header row (the rows' name, then right-aligned figures), the
 * rows (in one body, or in titled groups each its own body) and an optional total in the footer. With a
 * `title` the table comes under that heading and its caption is for screen readers only; without one the
 * caption is shown.
 */
export function ReportTable({
  testId,
  title,
  caption,
  columns: [nameColumn, ...labels],
  rows = [],
  groups = [],
  total,
}: {
  /** Required with a title: it also names the heading. */
  testId?: string;
  title?: string;
  caption: string;
  /** The rows' name column, then the figures' columns. */
  columns: [string, ...string[]];
  rows?: ReportRow[];
  groups?: Array<{ key: string; title: string; rows: ReportRow[] }>;
  total?: ReportRow;
}) {
  const table = (
    <div className="card table-card">
      <table className="data-table report-table" data-testid={testId}>
        <caption className={title ? 'visually-hidden' : 'report-table__caption'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameColumn}</th>
            {labels.map((label) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        {rows.length > 0 ? (
          <tbody>
            {rows.map((row) => (
              <Row key={row.key} row={row} labels={labels} />
            ))}
          </tbody>
        ) : null}
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr className="report-table__group">
              <th scope="rowgroup" colSpan={labels.length + 1}>
                {group.title}
              </th>
            </tr>
            {group.rows.map((row) => (
              <Row key={row.key} row={row} labels={labels} />
            ))}
          </tbody>
        ))}
        {total ? (
          <tfoot>
            <Row row={total} labels={labels} />
          </tfoot>
        ) : null}
      </table>
    </div>
  );
  if (!title) return table;
  const headingId = `${testId}-title`;
  return (
    <section className="stack stack--sm" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      {table}
    </section>
  );
}
