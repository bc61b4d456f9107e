import { useTranslation } from 'react-i18next';
import type { RequestStateValue } from '@contracts/requests';
import '@/features/requests/requests-strings';

const TONE: Record<RequestStateValue, string> = {
  pending: 'badge--warning',
  proposed: 'badge--outline',
  pending_confirmation: 'badge--warning',
  accepted: 'badge--success',
  declined: 'badge--danger',
  cancelled: 'badge--outline',
};

/** A request's state in words, coloured by who has to act (amber: staff). */
export function RequestStateBadge({ state }: { state: RequestStateValue }) {
  const { t } = useTranslation('requests');
  return (
    <span className={`badge ${TONE[state]}`} data-testid="request-state">
      {t(`state.${state}`)}
    </span>
  );
}
