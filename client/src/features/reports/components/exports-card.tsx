import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { CSV_FORMATS, CsvExportButton, type CsvFormat } from '@/components/csv-export';
import { RadioCards } from '@/components/form-controls';
import '@/components/ui-strings';
import { currentLocale } from '@/lib/i18n';
import type { DateRange } from '@/features/reports/periods';
import { periodText } from '@/features/reports/report-format';
import '@/features/reports/reports-strings';

const EXPORTS = [
  { key: 'laundryOrders', path: '/api/exports/laundry-orders.csv' },
  { key: 'cleaningJobs', path: '/api/exports/cleaning-jobs.csv' },
  { key: 'payments', path: '/api/exports/payments.csv' },
  { key: 'timesheets', path: '/api/exports/timesheets.csv' },
] as const;

/**
 * Every CSV export the API offers, for the period the report shows, in the chosen dialect (Portuguese
 * Excel by default). Clients have no period: the whole list.
 */
export function ExportsCard({ range }: { range: DateRange | null }) {
  const { t } = useTranslation('reports');
  const locale = currentLocale();
  const [format, setFormat] = useState<CsvFormat>('semicolon');
  const period = range ? periodText(range, locale, (v) => t('period.shown', v)) : null;
  return (
    <Card id="report-exports-title" title={t('exports.title')} lead={period ? t('exports.lead', { period }) : t('exports.leadNoPeriod')} className="report-exports stack gap-4">
      <RadioCards
        label={t('exports.formatLabel')}
        orientation="horizontal"
        value={format}
        onChange={(value) => setFormat(value as CsvFormat)}
        options={CSV_FORMATS.map((f) => ({ value: f, label: t(`csv.${f}`, { ns: 'ui' }), description: t(`csv.${f}Hint`, { ns: 'ui' }) }))}
      />
      {range ? null : <p className="field__error">{t('exports.fixRange')}</p>}
      <div className="report-exports__buttons cluster">
        {EXPORTS.map((e) => (
          <CsvExportButton key={e.key} path={e.path} params={range ? { from: range.from, to: range.to } : {}} format={format} label={t(`exports.${e.key}`)} isDisabled={!range} />
        ))}
        <CsvExportButton path="/api/exports/clients.csv" params={{}} format={format} label={`${t('exports.clients')} (${t('exports.clientsNote')})`} />
      </div>
    </Card>
  );
}
