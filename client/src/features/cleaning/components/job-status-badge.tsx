import { useTranslation } from 'react-i18next';
import type { CleaningStatusValue } from '@contracts/cleaning';
import '@/components/kit.css';
import '@/features/cleaning/cleaning-strings';

/** The badge tone of each job status (a cancelled job's is the plain badge). */
export const STATUS_TONE: Record<CleaningStatusValue, string> = {
  scheduled: ' badge--info',
  in_progress: ' badge--warning',
  completed: ' badge--success',
  cancelled: '',
};

export function JobStatusBadge({ status }: { status: CleaningStatusValue }) {
  const { t } = useTranslation('cleaning');
  return (
    <span className={`badge${STATUS_TONE[status]}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

export function JobTypeBadge({ type }: { type: 'airbnb' | 'house' }) {
  const { t } = useTranslation('cleaning');
  return <span className={type === 'airbnb' ? 'badge badge--accent' : 'badge'}>{t(`type.${type}`)}</span>;
}
