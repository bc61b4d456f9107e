import { useTranslation } from 'react-i18next';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { Icon } from '@/components/icon';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/cleaning/cleaning-strings';
import { JobSection } from './job-page-parts';

interface Change {
  id: number;
  fromStatus: CleaningStatusValue | null;
  toStatus: CleaningStatusValue;
  changedBy?: { id: number; name: string } | null;
  note: string | null;
  changedAt: string;
}

/** Every status change, oldest first, with who (for staff), when and the note given. */
export function HistoryList({ history }: { history: Change[] }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  return (
    <JobSection id="job-history" title={t('detail.history')}>
      <ol className="timeline">
        {history.map((h) => (
          <li key={h.id} className={`timeline__item timeline__item--${h.toStatus}`}>
            <span className="timeline__dot" aria-hidden="true">
              <Icon name="check" size={14} />
            </span>
            <div className="timeline__body">
              <p className="timeline__title">{h.fromStatus === null ? t('detail.historyBooked') : t(`status.${h.toStatus}`)}</p>
              <p className="timeline__meta">
                <time dateTime={h.changedAt}>{formatDateTime(h.changedAt, locale, 'medium')}</time>
                {h.changedBy ? <span translate="no">{` · ${t('detail.historyBy', { name: h.changedBy.name })}`}</span> : null}
              </p>
              {h.note ? (
                <p className="timeline__note" translate="no">
                  {h.note}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </JobSection>
  );
}
