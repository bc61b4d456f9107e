import { useTranslation } from 'react-i18next';
import type { FinanceDashboardDto } from '@contracts/dashboard';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/dashboard/dashboard-strings';
import { groupedBars, labelEvery, linearY, niceAxis } from '@/features/dashboard/chart-scale';
import { formatEuroTick, longMonth, shortMonth } from '@/features/dashboard/chart-format';
import { useElementWidth } from '@/features/dashboard/use-element-width';
import { ChartCard, ChartLegend } from './chart-card';

type Months = FinanceDashboardDto['revenueByMonth'];

const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 30, left: 64 };

/**
 * Revenue (net of VAT) for the last 12 months, each beside the same month a year before: grouped bars
 * in inline SVG with € ticks and month names in the interface language. The picture is one image with
 * a spoken summary; the figures themselves are in a visually hidden table for screen readers.
 */
export function RevenueChart({ months }: { months: Months }) {
  const { t } = useTranslation('dashboard');
  const locale = currentLocale();
  const [wrap, width] = useElementWidth<HTMLDivElement>();
  const plotWidth = Math.max(120, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const highest = Math.max(0, ...months.flatMap((m) => [m.netCents, m.previousYear.netCents]));
  const axis = niceAxis(highest, plotWidth < 360 ? 3 : 4, 10_000);
  const y = linearY(axis.max, plotHeight);
  const slots = groupedBars(months.length, 2, plotWidth, 0.28);
  const every = labelEvery(months.length, plotWidth, 44);
  const money = (cents: number) => formatMoney(cents, locale);

  const total = months.reduce((sum, m) => sum + m.netCents, 0);
  const previous = months.reduce((sum, m) => sum + m.previousYear.netCents, 0);
  const best = months.reduce<Months[number] | undefined>((top, m) => (!top || m.netCents > top.netCents ? m : top), undefined);
  const summary =
    months.length && best
      ? t('chartSummary', {
          first: longMonth(months[0]!.month, locale),
          last: longMonth(months[months.length - 1]!.month, locale),
          total: money(total),
          previous: money(previous),
          best: longMonth(best.month, locale),
          bestAmount: money(best.netCents),
        })
      : '';

  return (
    <ChartCard
      title={t('chartTitle')}
      lead={t('chartLead')}
      legend={
        <ChartLegend
          items={[
            { series: 'current', label: t('thisYear') },
            { series: 'previous', label: t('previousYear') },
          ]}
        />
      }
      plotRef={wrap}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('thisYear')}</th>
              <th scope="col">{t('previousYear')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{longMonth(m.month, locale)}</th>
                <td>{money(m.netCents)}</td>
                <td>{money(m.previousYear.netCents)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={summary} data-testid="revenue-chart">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {axis.ticks.map((tick) => (
            <g key={tick} className="dash-axis">
              <line x1={0} x2={plotWidth} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'dash-axis__base' : 'dash-axis__grid'} />
              <text x={-8} y={y(tick)} dy="0.32em" textAnchor="end" className="dash-axis__label">
                {formatEuroTick(tick, locale)}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const slot = slots[i]!;
            const previousY = y(m.previousYear.netCents);
            const currentY = y(m.netCents);
            const showLabel = (months.length - 1 - i) % every === 0;
            return (
              <g key={m.month}>
                <rect x={slot.bars[0]} y={previousY} width={slot.barWidth} height={plotHeight - previousY} className="dash-bar dash-bar--previous">
                  <title>{`${longMonth(m.previousYear.month, locale)}: ${money(m.previousYear.netCents)}`}</title>
                </rect>
                <rect x={slot.bars[1]} y={currentY} width={slot.barWidth} height={plotHeight - currentY} className="dash-bar dash-bar--current">
                  <title>{`${longMonth(m.month, locale)}: ${money(m.netCents)}`}</title>
                </rect>
                {showLabel ? (
                  <text x={slot.centre} y={plotHeight + 18} textAnchor="middle" className="dash-axis__label">
                    {shortMonth(m.month, locale)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </svg>
    </ChartCard>
  );
}
