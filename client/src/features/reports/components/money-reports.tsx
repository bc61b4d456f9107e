import { useTranslation } from 'react-i18next';
import type { CashReportDto, RevenueReportDto } from '@contracts/reports';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { formatNumber, periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';
import { ReportTable, type ReportRow } from './report-table';

const LINES = ['laundry', 'cleaning'] as const;

/** Revenue for a period: the service lines' totals, then every service with its quantity and net. */
export function RevenueTables({ report }: { report: RevenueReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  const totalsRow = (key: 'laundry' | 'cleaning' | 'total'): ReportRow => {
    const l = report[key];
    return { key, name: t(`lines.${key}`), figures: [l.documents, money(l.subtotalCents), money(l.vatCents), money(l.totalCents)] };
  };
  return (
    <div className="stack">
      <ReportTable testId="revenue-summary" caption={t('revenue.summaryCaption', { period })} columns={[t('cols.line'), t('cols.documents'), t('cols.net'), t('cols.vat'), t('cols.total')]} rows={LINES.map(totalsRow)} total={totalsRow('total')} />
      {report.byService.length === 0 ? (
        <p className="muted">{t('revenue.empty')}</p>
      ) : (
        <ReportTable
          testId="revenue-by-service"
          title={t('revenue.byServiceTitle')}
          caption={t('revenue.byServiceCaption', { period })}
          columns={[t('cols.service'), t('cols.documents'), t('cols.quantity'), t('cols.net')]}
          groups={LINES.filter((line) => report.byService.some((r) => r.serviceLine === line)).map((line) => ({
            key: line,
            title: t(`lines.${line}`),
            rows: [
              ...report.byService
                .filter((r) => r.serviceLine === line)
                .map((r) => ({
                  key: r.code,
                  name: locale === 'en' ? r.nameEn : r.name,
                  figures: [r.documents, line === 'cleaning' ? t('revenue.hoursUnit', { hours: formatNumber(r.quantity, locale) }) : formatNumber(r.quantity, locale), money(r.netCents)],
                })),
              { key: 'subtotal', subtotal: true, name: t('revenue.subtotal', { line: t(`lines.${line}`) }), figures: [report[line].documents, null, money(report[line].subtotalCents)] },
            ],
          }))}
          total={{ key: 'total', name: t('lines.total'), figures: [report.total.documents, null, money(report.total.subtotalCents)] }}
        />
      )}
    </div>
  );
}

/** Money received for a period by payment method and by service line, each with its total. */
export function CashTables({ report }: { report: CashReportDto }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const period = periodText(report.period, locale, (v) => t('period.shown', v));
  if (report.total.count === 0) return <p className="muted">{t('cash.empty')}</p>;
  const money = (cents: number) => formatMoney(cents, locale);
  const row = (key: string, name: string, line: CashReportDto['total']): ReportRow => ({
    key,
    name,
    figures: [line.count, money(line.paymentsCents), money(line.refundsCents ? -line.refundsCents : 0), money(line.tipsCents), money(line.netCents)],
  });
  const columns = (first: string): [string, ...string[]] => [first, t('cols.count'), t('cols.payments'), t('cols.refunds'), t('cols.tips'), t('cols.netReceived')];
  const total = row('total', t('lines.total'), report.total);
  return (
    <div className="stack">
      <ReportTable
        testId="cash-by-method"
        title={t('cash.byMethodTitle')}
        caption={t('cash.byMethodCaption', { period })}
        columns={columns(t('cols.method'))}
        rows={report.byMethod.map(({ method, ...line }) => row(method, t(`methods.${method}`), line))}
        total={total}
      />
      <ReportTable
        testId="cash-by-line"
        title={t('cash.byLineTitle')}
        caption={t('cash.byLineCaption', { period })}
        columns={columns(t('cols.line'))}
        rows={report.byServiceLine.map(({ serviceLine, ...line }) => row(serviceLine, t(`lines.${serviceLine}`), line))}
        total={total}
      />
      <p className="muted text-sm">{t('cash.tipsNote')}</p>
    </div>
  );
}
