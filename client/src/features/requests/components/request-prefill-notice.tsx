import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RequestPrefillDto } from '@contracts/requests';
import { ErrorNotice, Notice } from '@/components/notice';
import { SHELL_BASE } from '@/app/paths';
import { whenText } from '@/features/requests/request-format';
import '@/features/requests/requests-strings';

/** Above an order or job form opened from a client request: what was asked, or why it cannot be accepted now. */
export function RequestPrefillNotice({ query }: { query: UseQueryResult<RequestPrefillDto> }) {
  const { t } = useTranslation('requests');
  if (query.isError) return <ErrorNotice error={query.error} />;
  const p = query.data;
  if (!p) return null;
  return (
    <Notice tone="info">
      <strong>
        <Link to={`${SHELL_BASE.admin}/requests/${p.requestId}`} data-testid="prefill-request-link">
          {t('prefill.title', { id: p.requestId })}
        </Link>
      </strong>{' '}
      <span data-testid="request-prefill">
        {t('prefill.text', { kind: t(`kind.${p.kind}`), client: p.clientName, when: whenText(t, p.date, p.time, p.windowEnd), address: p.address ?? '' })}
      </span>
      {p.notes ? ` ${p.notes}` : ''}
    </Notice>
  );
}
