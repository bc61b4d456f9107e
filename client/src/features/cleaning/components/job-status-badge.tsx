import { useTranslation } from 'react-i18next';
import type { CleaningStatusValue } from '@contracts/cleaning';
import '@/features/cleaning/cleaning-strings';

export function JobStatusBadge({ status }: { status: CleaningStatusValue }) {
  const { t } = useTranslation('cleaning');
  return (
    <span className={`badge job-status job-status--${status}`}>
      <span className="job-status__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

export function JobTypeBadge({ type }: { type: 'airbnb' | 'house' }) {
  const { t } = useTranslation('cleaning');
  return <span className={`badge job-type job-type--${type}`}>{t(`type.${type}`)}</span>;
}
