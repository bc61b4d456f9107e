import { useId, type ReactNode, type Ref } from 'react';
import { Card } from '@/components/card';

/** A chart's series on its legend: the swatch takes the series' colour (`dash-legend__swatch--<series>`). */
export interface LegendItem {
  series: string;
  label: ReactNode;
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul role="list" className="cluster text-sm">
      {items.map((item) => (
        <li key={item.series} className="cluster gap-2">
          <span className={`dash-legend__swatch dash-legend__swatch--${item.series}`} aria-hidden="true" />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A dashboard chart: a card with its title and lead (and the legend beside them), the picture drawn at the
 * measured width of `plotRef`, what comes under it, and the figures as a table for screen readers.
 */
export function ChartCard({
  title,
  lead,
  legend,
  plotRef,
  table,
  footer,
  children,
}: {
  title: string;
  lead: string;
  legend?: ReactNode;
  plotRef: Ref<HTMLDivElement>;
  /** The table's head and body; the caption is the chart's title. */
  table: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card id={titleId} title={title} lead={lead} actions={legend} className="dash-card stack gap-4">
      <div ref={plotRef} className="dash-chart__plot">
        {children}
      </div>
      {footer}
      {/* A wrapper, not the table itself, is hidden: a table will not shrink to 1 px and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          {table}
        </table>
      </div>
    </Card>
  );
}
