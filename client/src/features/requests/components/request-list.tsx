import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import type { ClientRequest } from '@/features/requests/api/keys';
import { RequestStateBadge } from '@/features/requests/components/request-state-badge';
import { whenText } from '@/features/requests/request-format';
import '@/features/requests/requests-strings';

const KIND_ICON = { pickup: 'basket', delivery: 'basket', cleaning: 'sparkles' } as const;

/** Requests as rows (newest first, as the server sends them): kind, when, where, state; the row opens the request. */
export function RequestList({ requests, hrefOf, showClient }: { requests: ClientRequest[]; hrefOf: (id: number) => string; showClient?: boolean }) {
  const { t } = useTranslation('requests');
  return (
    <ul role="list" className="stack gap-2">
      {requests.map((r) => (
        <li key={r.id} className="tile cluster request-row" data-testid="request-row">
          <Icon name={KIND_ICON[r.kind]} size={22} className="muted" />
          <div className="stack gap-0-5 grow">
            <Link to={hrefOf(r.id)} className="strong">
              {t(`kind.${r.kind}`)}
              {showClient ? <span translate="no">{` · ${r.client.name}`}</span> : null}
            </Link>
            <span className="muted text-sm">
              {r.proposal ? whenText(t, r.proposal.date, r.proposal.windowStart, r.proposal.windowEnd) : whenText(t, r.preferredDate, r.windowStart, r.windowEnd)}
            </span>
            {r.property || r.address ? (
              <span className="muted text-sm" translate="no">
                {r.property?.name ?? r.address}
              </span>
            ) : null}
          </div>
          <RequestStateBadge state={r.state} />
        </li>
      ))}
    </ul>
  );
}
