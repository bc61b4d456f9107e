import { useTranslation } from 'react-i18next';
import type { PaymentStatusValue } from '@contracts/payments';
import '@/features/payments/payments-strings';

const TONE: Record<PaymentStatusValue, string> = { pending: 'badge--warning', partial: 'badge--primary', paid: 'badge--success' };

/** Not paid / partly paid / paid: derived by the server from the records, never typed in. */
export function PaymentStatusBadge({ status }: { status: PaymentStatusValue }) {
  const { t } = useTranslation('payments');
  return (
    <span className={`badge ${TONE[status]}`} data-testid="payment-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
