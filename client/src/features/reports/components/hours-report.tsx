import { useTranslation } from 'react-i18next';
import type { TimesheetReportDto } from '@contracts/reports';
import { currentLocale } from '@/lib/i18n';
import { formatNumber, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';

/** Hours on site per team member for a period, with the total. */
export function HoursTable({ report }: { report: TimesheetReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  const hours = (value: number) => t('hours.value', { hours: formatNumber(value, locale) });
  if (report.workers.length === 0) return <p className="muted">{t('hours.empty')}</p>;
  const sum = (pick: (w: TimesheetReportDto['workers'][number]) => number) => report.workers.reduce((s, w) => s + pick(w), 0);
  return (
    <div className="stack stack--sm">
      <div className="card table-card">
        <table className="data-table report-table" data-testid="hours">
          <caption className="report-table__caption">{t('hours.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cols.worker')}</th>
              <th scope="col" className="num">
                {t('cols.jobs')}
              </th>
              <th scope="col" className="num">
                {t('cols.logs')}
              </th>
              <th scope="col" className="num">
                {t('cols.hours')}
              </th>
              <th scope="col" className="num">
                {t('cols.openLogs')}
              </th>
              <th scope="col" className="num">
                {t('cols.flaggedLogs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.workers.map((w) => (
              <tr key={w.worker.id}>
                <th scope="row" className="cell-main">
                  {w.worker.name}
                </th>
                <td className="num" data-label={t('cols.jobs')}>
                  {w.jobs}
                </td>
                <td className="num" data-label={t('cols.logs')}>
                  {w.logs}
                </td>
                <td className="num" data-label={t('cols.hours')}>
                  {hours(w.hours)}
                </td>
                <td className="num" data-label={t('cols.openLogs')}>
                  {w.openLogs}
                </td>
                <td className="num" data-label={t('cols.flaggedLogs')}>
                  {w.flaggedLogs}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-table__total">
              <th scope="row" className="cell-main">
                {t('lines.total')}
              </th>
              {/* No jobs total: a job worked by two people is in both their rows. */}
              <td className="num report-table__blank" aria-hidden="true" />
              <td className="num" data-label={t('cols.logs')}>
                {sum((w) => w.logs)}
              </td>
              <td className="num" data-label={t('cols.hours')}>
                {hours(Math.round((report.totalMinutes / 60) * 100) / 100)}
              </td>
              <td className="num" data-label={t('cols.openLogs')}>
                {sum((w) => w.openLogs)}
              </td>
              <td className="num" data-label={t('cols.flaggedLogs')}>
                {sum((w) => w.flaggedLogs)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted report-note">{t('hours.note')}</p>
    </div>
  );
}
