import { useTranslation } from 'react-i18next';
import type { VatAnnualReportDto, VatBreakdownDto, VatQuarterReportDto } from '@contracts/reports';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { formatRate, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';
import { ReportTable } from './report-table';

const LINES = ['laundry', 'cleaning'] as const;

/** One row of documents, net, IVA and total (a service line, a rate or the total). */
function BreakdownCells({ b }: { b: Omit<VatBreakdownDto, 'byRate'> }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  return (
    <>
      <td className="num" data-label={t('cols.documents')}>
        {b.documents}
      </td>
      <td className="num" data-label={t('cols.net')}>
        {formatMoney(b.subtotalCents, locale)}
      </td>
      <td className="num" data-label={t('cols.vat')}>
        {formatMoney(b.vatCents, locale)}
      </td>
      <td className="num" data-label={t('cols.total')}>
        {formatMoney(b.totalCents, locale)}
      </td>
    </>
  );
}

/** A quarter's IVA: laundry and cleaning with the total, then the same total split by IVA rate. */
export function VatQuarterTables({ report }: { report: VatQuarterReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  return (
    <div className="stack">
      <ReportTable testId="vat-quarter" caption={t('vatQuarter.caption', { period })} columns={[{ label: t('cols.line') }, { label: t('cols.documents'), numeric: true }, { label: t('cols.net'), numeric: true }, { label: t('cols.vat'), numeric: true }, { label: t('cols.total'), numeric: true }]}>
        <tbody>
          {LINES.map((line) => (
            <tr key={line}>
              <th scope="row" className="cell-main">
                {t(`lines.${line}`)}
              </th>
              <BreakdownCells b={report[line]} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="report-table__total" data-testid="vat-quarter-total">
            <th scope="row" className="cell-main">
              {t('lines.total')}
            </th>
            <BreakdownCells b={report.total} />
          </tr>
        </tfoot>
      </ReportTable>
      {report.total.documents === 0 ? <p className="muted">{t('vatQuarter.empty')}</p> : null}
      {report.total.byRate.length > 0 ? (
        <section className="stack stack--sm" aria-labelledby="vat-rate-title">
          <h2 id="vat-rate-title" className="card__title">
            {t('vatQuarter.byRateTitle')}
          </h2>
          <ReportTable caption={t('vatQuarter.byRateCaption', { period })} captionHidden columns={[{ label: t('cols.rate') }, { label: t('cols.documents'), numeric: true }, { label: t('cols.net'), numeric: true }, { label: t('cols.vat'), numeric: true }, { label: t('cols.total'), numeric: true }]}>
            <tbody>
              {report.total.byRate.map((rate) => (
                <tr key={rate.vatRateBasisPoints}>
                  <th scope="row" className="cell-main">
                    {formatRate(rate.vatRateBasisPoints, locale)}
                  </th>
                  <BreakdownCells b={rate} />
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </section>
      ) : null}
    </div>
  );
}

/** A year's IVA: the four quarters (laundry and cleaning net apart) with the year's total. */
export function VatYearTables({ report }: { report: VatAnnualReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const row = (label: string, q: Pick<VatAnnualReportDto, 'laundry' | 'cleaning' | 'total'>, key: string) => (
    <tr key={key} className={key === 'year' ? 'report-table__total' : undefined}>
      <th scope="row" className="cell-main">
        {label}
      </th>
      <td className="num" data-label={t('cols.documents')}>
        {q.total.documents}
      </td>
      <td className="num" data-label={t('cols.laundryNet')}>
        {money(q.laundry.subtotalCents)}
      </td>
      <td className="num" data-label={t('cols.cleaningNet')}>
        {money(q.cleaning.subtotalCents)}
      </td>
      <td className="num" data-label={t('cols.net')}>
        {money(q.total.subtotalCents)}
      </td>
      <td className="num" data-label={t('cols.vat')}>
        {money(q.total.vatCents)}
      </td>
      <td className="num" data-label={t('cols.total')}>
        {money(q.total.totalCents)}
      </td>
    </tr>
  );
  return (
    <ReportTable testId="vat-year" caption={t('vatYear.caption', { year: report.year })} columns={[{ label: t('cols.quarter') }, { label: t('cols.documents'), numeric: true }, { label: t('cols.laundryNet'), numeric: true }, { label: t('cols.cleaningNet'), numeric: true }, { label: t('cols.net'), numeric: true }, { label: t('cols.vat'), numeric: true }, { label: t('cols.total'), numeric: true }]}>
      <tbody>{report.quarters.map((q) => row(t('period.quarterName', { quarter: q.quarter }), q, `q${q.quarter}`))}</tbody>
      <tfoot>{row(t('vatYear.yearTotal', { year: report.year }), report, 'year')}</tfoot>
    </ReportTable>
  );
}
