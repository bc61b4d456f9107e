import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DoubleBookingWarningDto } from '@contracts/cleaning';
import { Notice } from '@/components/notice';
import { formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/cleaning/cleaning-strings';

/** Overlapping estimated windows after a save: a warning, not a block (the office may mean it). */
export function DoubleBookingNotice({ warnings, jobHref }: { warnings: DoubleBookingWarningDto[]; jobHref: (id: number) => string }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  if (warnings.length === 0) return null;
  return (
    <Notice tone="warning">
      <strong>{t('warnings.title', { count: warnings.length })}</strong>
      <p>{t('warnings.lead')}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.jobId}-${w.workerId}-${w.conflictingJobId}`}>
            {t('warnings.item', { name: w.workerName, start: formatDateTime(w.conflictingStartAt, locale, 'short'), end: formatTime(w.conflictingEndAt, locale) })}{' '}
            <Link to={jobHref(w.conflictingJobId)}>{t('warnings.open', { id: w.conflictingJobId })}</Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
