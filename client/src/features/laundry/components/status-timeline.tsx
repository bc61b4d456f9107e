import { useTranslation } from 'react-i18next';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Icon } from '@/components/icon';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';

export interface TimelineEntry {
  id: number;
  fromStatus: LaundryStatusValue | null;
  toStatus: LaundryStatusValue;
  changedBy?: { id: number; name: string } | null;
  note: string | null;
  isRevert: boolean;
  changedAt: string;
}

/** Every status change, newest first: what, when, who (staff and team only) and the note or reason. */
export function StatusTimeline({ history }: { history: TimelineEntry[] }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const entries = [...history].reverse();
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const title = entry.isRevert
          ? t('detail.reverted', { status: t(`status.${entry.toStatus}`) })
          : entry.fromStatus === null
            ? t('detail.createdEntry')
            : t(`status.${entry.toStatus}`);
        return (
          <li key={entry.id} className={`timeline__item${entry.isRevert ? ' timeline__item--revert' : ''} timeline__item--${entry.toStatus}`}>
            <span className="timeline__dot" aria-hidden="true">
              <Icon name={entry.isRevert ? 'refresh' : 'check'} size={14} />
            </span>
            <div className="timeline__body">
              <p className="timeline__title">{title}</p>
              <p className="timeline__meta">
                <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt, locale)}</time>
                {entry.changedBy ? <span> · {t('common.by', { name: entry.changedBy.name })}</span> : null}
              </p>
              {entry.note ? (
                <p className="timeline__note" translate="no">
                  {entry.note}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
