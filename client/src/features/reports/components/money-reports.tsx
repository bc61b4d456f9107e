import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashReportDto, RevenueReportDto } from '@contracts/reports';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { formatNumber, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';
import { ReportTable } from './report-table';

const LINES = ['laundry', 'cleaning'] as const;

/** Revenue for a period: the service lines' totals, then every service with its quantity and net. */
export function RevenueTables({ report }: { report: RevenueReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  const totalsRow = (key: 'laundry' | 'cleaning' | 'total') => {
    const l = report[key];
    return (
      <tr key={key} className={key === 'total' ? 'report-table__total' : undefined}>
        <th scope="row" className="cell-main">
          {t(`lines.${key}`)}
        </th>
        <td className="num" data-label={t('cols.documents')}>
          {l.documents}
        </td>
        <td className="num" data-label={t('cols.net')}>
          {money(l.subtotalCents)}
        </td>
        <td className="num" data-label={t('cols.vat')}>
          {money(l.vatCents)}
        </td>
        <td className="num" data-label={t('cols.total')}>
          {money(l.totalCents)}
        </td>
      </tr>
    );
  };
  return (
    <div className="stack">
      <ReportTable testId="revenue-summary" caption={t('revenue.summaryCaption', { period })} columns={[{ label: t('cols.line') }, { label: t('cols.documents'), numeric: true }, { label: t('cols.net'), numeric: true }, { label: t('cols.vat'), numeric: true }, { label: t('cols.total'), numeric: true }]}>
        <tbody>{LINES.map(totalsRow)}</tbody>
        <tfoot>{totalsRow('total')}</tfoot>
      </ReportTable>
      {report.byService.length === 0 ? (
        <p className="muted">{t('revenue.empty')}</p>
      ) : (
        <section className="stack stack--sm" aria-labelledby="revenue-service-title">
          <h2 id="revenue-service-title" className="card__title">
            {t('revenue.byServiceTitle')}
          </h2>
          <ReportTable testId="revenue-by-service" caption={t('revenue.byServiceCaption', { period })} captionHidden columns={[{ label: t('cols.service') }, { label: t('cols.documents'), numeric: true }, { label: t('cols.quantity'), numeric: true }, { label: t('cols.net'), numeric: true }]}>
            {LINES.map((line) => {
              const rows = report.byService.filter((r) => r.serviceLine === line);
              if (rows.length === 0) return null;
              return (
                <Fragment key={line}>
                  <tbody>
                    <tr className="report-table__group">
                      <th scope="rowgroup" colSpan={4}>
                        {t(`lines.${line}`)}
                      </th>
                    </tr>
                    {rows.map((r) => (
                      <tr key={`${r.serviceLine}-${r.code}`}>
                        <th scope="row" className="cell-main">
                          {locale === 'en' ? r.nameEn : r.name}
                        </th>
                        <td className="num" data-label={t('cols.documents')}>
                          {r.documents}
                        </td>
                        <td className="num" data-label={t('cols.quantity')}>
                          {line === 'cleaning' ? t('revenue.hoursUnit', { hours: formatNumber(r.quantity, locale) }) : formatNumber(r.quantity, locale)}
                        </td>
                        <td className="num" data-label={t('cols.net')}>
                          {money(r.netCents)}
                        </td>
                      </tr>
                    ))}
                    <tr className="report-table__subtotal">
                      <th scope="row" className="cell-main">
                        {t('revenue.subtotal', { line: t(`lines.${line}`) })}
                      </th>
                      <td className="num" data-label={t('cols.documents')}>
                        {report[line].documents}
                      </td>
                      <td className="num report-table__blank" aria-hidden="true" />
                      <td className="num" data-label={t('cols.net')}>
                        {money(report[line].subtotalCents)}
                      </td>
                    </tr>
                  </tbody>
                </Fragment>
              );
            })}
            <tfoot>
              <tr className="report-table__total">
                <th scope="row" className="cell-main">
                  {t('lines.total')}
                </th>
                <td className="num" data-label={t('cols.documents')}>
                  {report.total.documents}
                </td>
                <td className="num report-table__blank" aria-hidden="true" />
                <td className="num" data-label={t('cols.net')}>
                  {money(report.total.subtotalCents)}
                </td>
              </tr>
            </tfoot>
          </ReportTable>
        </section>
      )}
    </div>
  );
}

type CashLine = CashReportDto['total'];

function CashCells({ line }: { line: CashLine }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  return (
    <>
      <td className="num" data-label={t('cols.count')}>
        {line.count}
      </td>
      <td className="num" data-label={t('cols.payments')}>
        {formatMoney(line.paymentsCents, locale)}
      </td>
      <td className="num" data-label={t('cols.refunds')}>
        {line.refundsCents ? formatMoney(-line.refundsCents, locale) : formatMoney(0, locale)}
      </td>
      <td className="num" data-label={t('cols.tips')}>
        {formatMoney(line.tipsCents, locale)}
      </td>
      <td className="num" data-label={t('cols.netReceived')}>
        {formatMoney(line.netCents, locale)}
      </td>
    </>
  );
}

function CashTable({ title, caption, first, rows, total, testId }: { title: string; caption: string; first: string; rows: Array<{ key: string; label: string; line: CashLine }>; total: CashLine; testId: string }) {
  const { t } = useTranslation('reports');
  const id = `${testId}-title`;
  return (
    <section className="stack stack--sm" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <ReportTable testId={testId} caption={caption} captionHidden columns={[{ label: first }, { label: t('cols.count'), numeric: true }, { label: t('cols.payments'), numeric: true }, { label: t('cols.refunds'), numeric: true }, { label: t('cols.tips'), numeric: true }, { label: t('cols.netReceived'), numeric: true }]}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="cell-main">
                {row.label}
              </th>
              <CashCells line={row.line} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="report-table__total">
            <th scope="row" className="cell-main">
              {t('lines.total')}
            </th>
            <CashCells line={total} />
          </tr>
        </tfoot>
      </ReportTable>
    </section>
  );
}

/** Money received for a period by payment method and by service line, each with its total. */
export function CashTables({ report }: { report: CashReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  if (report.total.count === 0) return <p className="muted">{t('cash.empty')}</p>;
  return (
    <div className="stack">
      <CashTable
        title={t('cash.byMethodTitle')}
        caption={t('cash.byMethodCaption', { period })}
        first={t('cols.method')}
        rows={report.byMethod.map(({ method, ...line }) => ({ key: method, label: t(`methods.${method}`), line }))}
        total={report.total}
        testId="cash-by-method"
      />
      <CashTable
        title={t('cash.byLineTitle')}
        caption={t('cash.byLineCaption', { period })}
        first={t('cols.line')}
        rows={report.byServiceLine.map(({ serviceLine, ...line }) => ({ key: serviceLine, label: t(`lines.${serviceLine}`), line }))}
        total={report.total}
        testId="cash-by-line"
      />
      <p className="muted text-sm">{t('cash.tipsNote')}</p>
    </div>
  );
}
