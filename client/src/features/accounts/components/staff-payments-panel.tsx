import { useTranslation } from 'react-i18next';
import { ClientPaymentsList } from './client-payments-list';
import { DocumentPaymentsList } from './document-payments-list';
import '@/features/accounts/accounts-strings';

/**
 * Staff: the payments recorded over the account (one receipt each), then every payment and refund kept
 * on the client's orders and jobs, the parts of those account payments included.
 */
export function StaffPaymentsPanel({ clientId }: { clientId: number }) {
  const { t } = useTranslation('accounts');
  return (
    <div className="stack">
      <section className="stack stack--sm" aria-labelledby="account-payments-title">
        <h3 id="account-payments-title" className="text-sm">
          {t('payments.onAccount')}
        </h3>
        <ClientPaymentsList scope={{ kind: 'staff', clientId }} emptyText={t('payments.emptyOnAccount')} />
      </section>
      <section className="stack stack--sm" aria-labelledby="document-payments-title">
        <h3 id="document-payments-title" className="text-sm">
          {t('payments.perDocument')}
        </h3>
        <DocumentPaymentsList clientId={clientId} />
      </section>
    </div>
  );
}
