import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { ClientRequest } from '@/features/requests/api/keys';
import { whenText } from '@/features/requests/request-format';
import '@/features/requests/requests-strings';
import { Card } from '@/components/card';

/** Every step of a request, oldest first: what, who and when, and the time or reason that came with it. */
export function RequestHistory({ request }: { request: ClientRequest }) {
  const { t } = useTranslation('requests');
  const locale = currentLocale();
  return (
    <Card id="request-history-title" title={t('detail.history')}>
      <ol className="request-history stack gap-3" data-testid="request-history">
        {(request.history ?? []).map((h) => {
          const d = h.details as { date?: string; windowStart?: string; windowEnd?: string } | null;
          return (
            <li key={h.id}>
              <span className="strong">{t(`history.${h.action}`)}</span>
              {d?.date && d.windowStart && d.windowEnd && h.action !== 'accept' ? <span> · {whenText(t, d.date, d.windowStart, d.windowEnd)}</span> : null}
              <div className="muted text-sm">{t('history.by', { name: h.by.name, when: formatDateTime(h.at, locale, 'short') })}</div>
              {h.note ? (
                <div className="muted text-sm" translate="no">
                  {h.note}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
