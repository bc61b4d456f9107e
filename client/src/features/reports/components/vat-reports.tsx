import { useTranslation } from 'react-i18next';
import type { VatAnnualReportDto, VatBreakdownDto, VatQuarterReportDto } from '@contracts/reports';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { formatRate, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';
import { ReportTable } from './report-table';

const LINES = ['laundry', 'cleaning'] as const;

/** A quarter's IVA: laundry and cleaning with the total, then the same total split by IVA rate. */
export function VatQuarterTables({ report }: { report: VatQuarterReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  /** Documents, net, IVA and total of a service line, a rate or the quarter. */
  const figures = (b: Omit<VatBreakdownDto, 'byRate'>) => [b.documents, formatMoney(b.subtotalCents, locale), formatMoney(b.vatCents, locale), formatMoney(b.totalCents, locale)];
  const columns = (first: string): [string, ...string[]] => [first, t('cols.documents'), t('cols.net'), t('cols.vat'), t('cols.total')];
  return (
    <div className="stack">
      <ReportTable
        testId="vat-quarter"
        caption={t('vatQuarter.caption', { period })}
        columns={columns(t('cols.line'))}
        rows={LINES.map((line) => ({ key: line, name: t(`lines.${line}`), figures: figures(report[line]) }))}
        total={{ key: 'total', name: t('lines.total'), figures: figures(report.total), testId: 'vat-quarter-total' }}
      />
      {report.total.documents === 0 ? <p className="muted">{t('vatQuarter.empty')}</p> : null}
      {report.total.byRate.length > 0 ? (
        <ReportTable
          testId="vat-by-rate"
          title={t('vatQuarter.byRateTitle')}
          caption={t('vatQuarter.byRateCaption', { period })}
          columns={columns(t('cols.rate'))}
          rows={report.total.byRate.map((rate) => ({ key: String(rate.vatRateBasisPoints), name: formatRate(rate.vatRateBasisPoints, locale), figures: figures(rate) }))}
        />
      ) : null}
    </div>
  );
}

/** A year's IVA: the four quarters (laundry and cleaning net apart) with the year's total. */
export function VatYearTables({ report }: { report: VatAnnualReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const row = (key: string, name: string, q: Pick<VatAnnualReportDto, 'laundry' | 'cleaning' | 'total'>) => ({
    key,
    name,
    figures: [q.total.documents, money(q.laundry.subtotalCents), money(q.cleaning.subtotalCents), money(q.total.subtotalCents), money(q.total.vatCents), money(q.total.totalCents)],
  });
  return (
    <ReportTable
      testId="vat-year"
      caption={t('vatYear.caption', { year: report.year })}
      columns={[t('cols.quarter'), t('cols.documents'), t('cols.laundryNet'), t('cols.cleaningNet'), t('cols.net'), t('cols.vat'), t('cols.total')]}
      rows={report.quarters.map((q) => row(`q${q.quarter}`, t('period.quarterName', { quarter: q.quarter }), q))}
      total={row('year', t('vatYear.yearTotal', { year: report.year }), report)}
    />
  );
}
