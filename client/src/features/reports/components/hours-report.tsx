import { useTranslation } from 'react-i18next';
import type { TimesheetReportDto } from '@contracts/reports';
import { currentLocale } from '@/lib/i18n';
import { formatNumber, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';
import { ReportTable } from './report-table';

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
      <ReportTable testId="hours" caption={t('hours.caption', { period })} columns={[{ label: t('cols.worker') }, { label: t('cols.jobs'), numeric: true }, { label: t('cols.logs'), numeric: true }, { label: t('cols.hours'), numeric: true }, { label: t('cols.openLogs'), numeric: true }, { label: t('cols.flaggedLogs'), numeric: true }]}>
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
      </ReportTable>
      <p className="muted text-sm">{t('hours.note')}</p>
    </div>
  );
}
