import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentPaymentStatusValue } from '@contracts/accounts';
import { SHELL_BASE } from '@/app/paths';
import { PaymentStatusBadge } from '@/features/payments/components/payment-status-badge';
import '@/features/accounts/accounts-strings';
import '@/features/accounts/accounts.css';

/** The staff address of a client's page, where their account is. */
export const clientAccountHref = (clientId: number) => `${SHELL_BASE.admin}/clients/${clientId}`;

/**
 * The money state of an order or job in a staff list. While something is owed (not paid, partly paid)
 * the chip opens the client's account, where a payment over all their open documents is recorded.
 */
export function MoneyChip({ status, client }: { status: DocumentPaymentStatusValue; client?: { id: number; name: string } }) {
  const { t } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const badge = <PaymentStatusBadge status={status} testId="money-chip" />;
  if (!client || (status !== 'unpaid' && status !== 'partial')) return badge;
  return (
    <Link to={clientAccountHref(client.id)} className="money-chip-link" aria-label={t('chip.accountOf', { status: tp(`status.${status}`), client: client.name })}>
      {badge}
    </Link>
  );
}
