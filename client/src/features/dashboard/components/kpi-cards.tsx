import { useTranslation } from 'react-i18next';
import type { FinanceDashboardDto } from '@contracts/dashboard';
import { Icon, type IconName } from '@/components/icon';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/dashboard/dashboard-strings';
import { relativeChange } from '@/features/dashboard/chart-scale';
import { formatChange, monthName } from '@/features/dashboard/chart-format';
import type { ReactNode } from 'react';

function Kpi({ icon, label, value, children, testId, tone }: { icon: IconName; label: string; value: string; children?: ReactNode; testId: string; tone?: 'warning' }) {
  return (
    <li className={`kpi tile${tone ? ` kpi--${tone}` : ''}`} data-testid={testId}>
      <span className="icon-tile kpi__icon" aria-hidden="true">
        <Icon name={icon} size={20} />
      </span>
      <p className="muted text-sm strong">{label}</p>
      <p className="kpi__value amount text-2xl">{value}</p>
      {children ? <div className="kpi__detail stack gap-0-5 text-sm">{children}</div> : null}
    </li>
  );
}

/** The figures at the top of the staff home, each with what it counts. */
export function KpiCards({ dashboard: d }: { dashboard: FinanceDashboardDto }) {
  const { t } = useTranslation('dashboard');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const thisMonth = monthName(d.revenue.thisMonth.month, locale);
  const lastMonth = monthName(d.revenue.lastMonth.month, locale);
  const change = relativeChange(d.revenue.thisMonth.netCents, d.revenue.lastMonth.netCents);
  const openLaundry = d.laundryOpen.received + d.laundryOpen.inProgress + d.laundryOpen.ready;
  const trend = change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';

  return (
    <ul role="list" className="kpis" aria-label={t('kpiLabel')}>
      <Kpi icon="chart" label={t('revenue', { month: thisMonth })} value={money(d.revenue.thisMonth.netCents)} testId="kpi-revenue">
        <p className={`strong cluster gap-1${trend ? ` kpi__trend--${trend}` : ''}`}>
          {trend === 'up' ? <Icon name="chevronUp" size={16} /> : trend === 'down' ? <Icon name="chevronDown" size={16} /> : null}
          {change === null
            ? t('revenueNoBase', { month: lastMonth })
            : change === 0
              ? t('revenueSame', { month: lastMonth })
              : t('revenueChange', { change: formatChange(change, locale), month: `${lastMonth} (${money(d.revenue.lastMonth.netCents)})` })}
        </p>
        <p className="muted">{t('revenueHint')}</p>
      </Kpi>
      <Kpi icon="wallet" label={t('received', { month: thisMonth })} value={money(d.received.netCents)} testId="kpi-received">
        <p className="muted">{t('receivedHint', { count: d.received.count, refunds: money(d.received.refundsCents) })}</p>
      </Kpi>
      <Kpi icon="alertCircle" label={t('outstanding')} value={money(d.outstanding.balanceCents)} testId="kpi-outstanding" tone={d.outstanding.balanceCents > 0 ? 'warning' : undefined}>
        <p className="muted">
          {t('outstandingHint', {
            count: d.outstanding.documents,
            accrued: money(d.outstanding.accruedCents),
            inProgress: money(d.outstanding.inProgressCents),
            credit: money(d.outstanding.creditCents),
          })}
        </p>
      </Kpi>
      <Kpi icon="basket" label={t('laundryOpen')} value={String(openLaundry)} testId="kpi-laundry">
        <p className="muted">{t('laundryBreakdown', { received: d.laundryOpen.received, inProgress: d.laundryOpen.inProgress, ready: d.laundryOpen.ready })}</p>
      </Kpi>
      <Kpi icon="sparkles" label={t('cleaningJobs')} value={String(d.cleaningJobs.today)} testId="kpi-cleaning">
        <p className="muted">{t('jobsWeek', { count: d.cleaningJobs.thisWeek })}</p>
      </Kpi>
      <Kpi icon="users" label={t('activeClients')} value={String(d.activeClients)} testId="kpi-clients">
        <p className="muted">{t('activeClientsHint')}</p>
      </Kpi>
    </ul>
  );
}
