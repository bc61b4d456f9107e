import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/requests/requests-strings';

/** On an order or job made from a client's request: the way back to that request. */
export function FromRequestLink({ requestId, base }: { requestId: number | null | undefined; base: string }) {
  const { t } = useTranslation('requests');
  if (!requestId) return null;
  return (
    <p>
      <Link to={`${base}/requests/${requestId}`} data-testid="from-request-link">
        {t('detail.fromRequest', { id: requestId })}
      </Link>
    </p>
  );
}
