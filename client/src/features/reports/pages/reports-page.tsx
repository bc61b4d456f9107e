import { useTranslation } from 'react-i18next';
import '@/features/reports/reports-strings';
import { PageHeader } from '@/components/page-header';
import { Tabs } from '@/components/tabs';
import { useCash } from '@/features/reports/api/get-cash';
import { useRevenue } from '@/features/reports/api/get-revenue';
import { useTimesheet } from '@/features/reports/api/get-timesheet';
import { useVatAnnual } from '@/features/reports/api/get-vat-annual';
import { useVatQuarter } from '@/features/reports/api/get-vat-quarter';
import { ExportsCard } from '@/features/reports/components/exports-card';
import { HoursTable } from '@/features/reports/components/hours-report';
import { CashTables, RevenueTables } from '@/features/reports/components/money-reports';
import { QuarterPicker, RangePicker, YearPicker } from '@/features/reports/components/period-pickers';
import { ReportBody } from '@/features/reports/components/report-states';
import { VatQuarterTables, VatYearTables } from '@/features/reports/components/vat-reports';
import { quarterRange, yearRange, type DateRange } from '@/features/reports/periods';
import { useReportParams } from '@/features/reports/use-report-params';
import '@/components/kit.css';
import '@/features/reports/reports.css';

type Params = ReturnType<typeof useReportParams>;

function VatQuarterPanel({ p }: { p: Params }) {
  const { t } = useTranslation('reports');
  const report = useVatQuarter(p.year, p.quarter);
  return (
    <>
      <div className="report-period cluster gap-4">
        <YearPicker year={p.year} onChange={p.setYear} />
        <QuarterPicker quarter={p.quarter} onChange={p.setQuarter} />
      </div>
      <p className="muted text-sm">{t('basis.accrual')}</p>
      <ReportBody query={report}>{(data) => <VatQuarterTables report={data} />}</ReportBody>
    </>
  );
}

function VatYearPanel({ p }: { p: Params }) {
  const { t } = useTranslation('reports');
  const report = useVatAnnual(p.year);
  return (
    <>
      <div className="report-period cluster gap-4">
        <YearPicker year={p.year} onChange={p.setYear} />
      </div>
      <p className="muted text-sm">{t('basis.accrual')}</p>
      <ReportBody query={report}>{(data) => <VatYearTables report={data} />}</ReportBody>
    </>
  );
}

/** Revenue, cash and hours share the range pickers; a range the server would refuse is never sent. */
function RangePanel({ p, kind }: { p: Params; kind: 'revenue' | 'cash' | 'hours' }) {
  const { t } = useTranslation('reports');
  const range = p.validRange ?? { from: '', to: '' };
  const enabled = p.validRange !== null;
  const revenue = useRevenue(range, enabled && kind === 'revenue');
  const cash = useCash(range, enabled && kind === 'cash');
  const hours = useTimesheet(range, enabled && kind === 'hours');
  return (
    <>
      <div className="report-period cluster gap-4">
        <RangePicker range={p.range} onChange={p.setRange} />
      </div>
      {kind !== 'hours' ? <p className="muted text-sm">{t(kind === 'cash' ? 'basis.cash' : 'basis.accrual')}</p> : null}
      {!enabled ? null : kind === 'revenue' ? (
        <ReportBody query={revenue}>{(data) => <RevenueTables report={data} />}</ReportBody>
      ) : kind === 'cash' ? (
        <ReportBody query={cash}>{(data) => <CashTables report={data} />}</ReportBody>
      ) : (
        <ReportBody query={hours}>{(data) => <HoursTable report={data} />}</ReportBody>
      )}
    </>
  );
}

function exportRange(p: Params): DateRange | null {
  if (p.tab === 'vatQuarter') return quarterRange(p.year, p.quarter);
  if (p.tab === 'vatYear') return yearRange(p.year);
  return p.validRange;
}

/** Finance reports for master and admin: IVA by quarter and year, revenue, cash, hours, and CSV exports. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const p = useReportParams();
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="stack">
        <Tabs
          label={t('tabsLabel')}
          selected={p.tab}
          onSelect={p.setTab}
          items={[
            { id: 'vatQuarter', label: t('tabs.vatQuarter'), content: <VatQuarterPanel p={p} /> },
            { id: 'vatYear', label: t('tabs.vatYear'), content: <VatYearPanel p={p} /> },
            { id: 'revenue', label: t('tabs.revenue'), content: <RangePanel p={p} kind="revenue" /> },
            { id: 'cash', label: t('tabs.cash'), content: <RangePanel p={p} kind="cash" /> },
            { id: 'hours', label: t('tabs.hours'), content: <RangePanel p={p} kind="hours" /> },
          ]}
        />
        <ExportsCard range={exportRange(p)} />
      </div>
    </>
  );
}
