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
      <ReportTable
        testId="hours"
        caption={t('hours.caption', { period })}
        columns={[t('cols.worker'), t('cols.jobs'), t('cols.logs'), t('cols.hours'), t('cols.openLogs'), t('cols.flaggedLogs')]}
        rows={report.workers.map((w) => ({ key: w.worker.id, name: w.worker.name, figures: [w.jobs, w.logs, hours(w.hours), w.openLogs, w.flaggedLogs] }))}
        // No jobs total: a job worked by two people is in both their rows.
        total={{
          key: 'total',
          name: t('lines.total'),
          figures: [null, sum((w) => w.logs), hours(Math.round((report.totalMinutes / 60) * 100) / 100), sum((w) => w.openLogs), sum((w) => w.flaggedLogs)],
        }}
      />
      <p className="muted text-sm">{t('hours.note')}</p>
    </div>
  );
}
