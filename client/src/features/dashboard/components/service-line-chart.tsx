import { useTranslation } from 'react-i18next';
import type { FinanceDashboardDto } from '@contracts/dashboard';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/dashboard/dashboard-strings';
import { formatShare } from '@/features/dashboard/chart-format';
import { useElementWidth } from '@/features/dashboard/use-element-width';
import { ChartCard, ChartLegend } from './chart-card';

const BAR = 26;
const ROW = 62;

interface Row {
  key: 'year' | 'month';
  label: string;
  laundry: number;
  cleaning: number;
}

/**
 * Revenue split between laundry and cleaning: one stacked bar for the last 12 months and one for this
 * month, in inline SVG, with the amounts and shares written out beside the legend and in a table.
 */
export function ServiceLineChart({ dashboard }: { dashboard: FinanceDashboardDto }) {
  const { t } = useTranslation('dashboard');
  const locale = currentLocale();
  const [wrap, width] = useElementWidth<HTMLDivElement>(320);
  const money = (cents: number) => formatMoney(cents, locale);
  const sum = (pick: (m: FinanceDashboardDto['revenueByMonth'][number]) => number) => dashboard.revenueByMonth.reduce((acc, m) => acc + pick(m), 0);
  const rows: Row[] = [
    { key: 'year', label: t('thisYear'), laundry: sum((m) => m.laundryNetCents), cleaning: sum((m) => m.cleaningNetCents) },
    { key: 'month', label: t('thisMonth'), laundry: dashboard.revenue.thisMonth.laundryNetCents, cleaning: dashboard.revenue.thisMonth.cleaningNetCents },
  ];
  const share = (part: number, whole: number) => formatShare(whole > 0 ? part / whole : 0, locale);
  const year = rows[0]!;
  const yearTotal = year.laundry + year.cleaning;
  const summary = t('linesSummary', {
    laundry: money(year.laundry),
    laundryShare: share(year.laundry, yearTotal),
    cleaning: money(year.cleaning),
    cleaningShare: share(year.cleaning, yearTotal),
  });
  const height = rows.length * ROW;

  return (
    <ChartCard
      title={t('linesTitle')}
      lead={t('linesLead')}
      plotRef={wrap}
      footer={
        <ChartLegend
          items={(['laundry', 'cleaning'] as const).map((line) => ({
            series: line,
            label: (
              <>
                {t(line)} <strong>{money(year[line])}</strong> <span className="muted">({share(year[line], yearTotal)})</span>
              </>
            ),
          }))}
        />
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              {rows.map((row) => (
                <th key={row.key} scope="col">
                  {row.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['laundry', 'cleaning'] as const).map((line) => (
              <tr key={line}>
                <th scope="row">{t(line)}</th>
                {rows.map((row) => (
                  <td key={row.key}>{`${money(row[line])} (${share(row[line], row.laundry + row.cleaning)})`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid="service-line-chart">
        {rows.map((row, i) => {
          const total = row.laundry + row.cleaning;
          const laundryWidth = total > 0 ? (row.laundry / total) * width : 0;
          const top = i * ROW;
          return (
            <g key={row.key}>
              <text x={0} y={top + 14} className="dash-axis__label dash-axis__label--strong">
                {`${row.label} · ${money(total)}`}
              </text>
              {total > 0 ? (
                <>
                  <rect x={0} y={top + 22} width={laundryWidth} height={BAR} rx={4} className="dash-bar dash-bar--laundry">
                    <title>{`${t('laundry')}: ${money(row.laundry)} (${share(row.laundry, total)})`}</title>
                  </rect>
                  <rect x={laundryWidth} y={top + 22} width={width - laundryWidth} height={BAR} rx={4} className="dash-bar dash-bar--cleaning">
                    <title>{`${t('cleaning')}: ${money(row.cleaning)} (${share(row.cleaning, total)})`}</title>
                  </rect>
                </>
              ) : (
                <rect x={0} y={top + 22} width={width} height={BAR} rx={4} className="dash-bar dash-bar--empty" />
              )}
            </g>
          );
        })}
      </svg>
    </ChartCard>
  );
}
