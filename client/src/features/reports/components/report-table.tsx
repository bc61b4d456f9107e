import type { ReactNode } from 'react';

export interface ReportColumn {
  label: string;
  /** Figures are right-aligned (and their header with them). */
  numeric?: boolean;
}

/**
 * The frame every report table shares: a card, a caption (shown, or only for screen readers when a
 * heading above already says it), one header row; the body and totals are the caller's.
 */
export function ReportTable({ testId, caption, captionHidden = false, columns, children }: { testId?: string; caption: string; captionHidden?: boolean; columns: ReportColumn[]; children: ReactNode }) {
  return (
    <div className="card table-card">
      <table className="data-table report-table" data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : 'report-table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
