import { useTranslation } from 'react-i18next';
import type { FinanceDashboardDto } from '@contracts/dashboard';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/dashboard/dashboard-strings';
// The activity log's names for actions and records, so both screens say the same thing.
import '@/features/audit/audit-strings';
import { groupRepeats } from '@/features/audit/audit-format';
import { AuditTarget, useAuditNames } from '@/features/audit/components/audit-subject';
import { Card } from '@/components/card';

/** The latest audit lines, without values or who: what happened to which job, order or client, and when. */
export function RecentActivity({ entries }: { entries: FinanceDashboardDto['recentActivity'] }) {
  const { t } = useTranslation('dashboard');
  const locale = currentLocale();
  const { action } = useAuditNames();
  return (
    <Card id="dash-activity-title" title={t('activityTitle')} className="dash-card stack gap-4">
      {entries.length === 0 ? (
        <p className="muted">{t('activityEmpty')}</p>
      ) : (
        <ol className="divided stack gap-1 text-sm">
          {groupRepeats(entries, (e) => e.actorType).map(({ entry, count }, i) => (
            <li key={`${entry.at}-${i}`} className="cluster cluster--spread gap-1">
              <span>
                <AuditTarget entity={entry.entity} entityId={entry.entityId} subject={entry.subject} />{' '}
                · {action(entry.action).toLowerCase()}
                {count > 1 ? ` · ${t('grouped', { ns: 'audit', count })}` : ''}
                {entry.actorType === 'system' ? ` (${t('actorSystem')})` : entry.actorType === 'client' ? ` (${t('actorClient')})` : ''}
              </span>
              <time className="dash-activity__when muted" dateTime={entry.at}>
                {formatDateTime(entry.at, locale, 'short')}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
