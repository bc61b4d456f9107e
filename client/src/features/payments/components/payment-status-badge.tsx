import { useTranslation } from 'react-i18next';
import type { DocumentPaymentStatusValue } from '@contracts/accounts';
import type { PaymentStatusValue } from '@contracts/payments';
import '@/features/payments/payments-strings';

type Status = PaymentStatusValue | DocumentPaymentStatusValue;

const TONE: Record<Status, string> = {
  pending: 'badge--warning',
  unpaid: 'badge--warning',
  partial: 'badge--primary',
  paid: 'badge--success',
  not_priced: 'badge--outline',
};

/**
 * Not paid / partly paid / paid (and "not priced" for a document nothing is owed on yet): derived by
 * the server from the records, never typed in. The order and job pages and the account lists share it.
 */
export function PaymentStatusBadge({ status, testId = 'payment-status' }: { status: Status; testId?: string }) {
  const { t } = useTranslation('payments');
  return (
    <span className={`badge ${TONE[status]}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
