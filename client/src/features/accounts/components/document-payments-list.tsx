import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PaymentDto } from '@contracts/payments';
import { Pager } from '@/components/pager';
import { EmptyState, QueryFallback } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { SHELL_BASE } from '@/app/paths';
import { useDocumentPayments } from '@/features/accounts/api/accounts-api';
import { AccountList, AccountRow } from './account-rows';
import '@/features/accounts/accounts-strings';
import '@/features/payments/payments-strings';

const hrefOf = (p: PaymentDto) => (p.laundryOrderId !== null ? `${SHELL_BASE.admin}/laundry/${p.laundryOrderId}` : `${SHELL_BASE.admin}/cleaning/${p.cleaningJobId ?? 0}`);

/** Staff: every payment and refund kept on the client's orders and jobs, newest first, linking to each. */
export function DocumentPaymentsList({ clientId }: { clientId: number }) {
  const { t } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const locale = currentLocale();
  const [offset, setOffset] = useState(0);
  const payments = useDocumentPayments(clientId, offset);
  if (!payments.isSuccess) return <QueryFallback query={payments} title={t('tabs.payments')} />;
  if (payments.data.items.length === 0) return <EmptyState icon="wallet" title={t('payments.empty')} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <AccountList footer={<Pager meta={payments.data.meta} onOffsetChange={setOffset} />}>
        {payments.data.items.map((p) => (
          <AccountRow
            key={p.id}
            testId="document-payment"
            voided={p.voided}
            title={
              <>
                <Link to={hrefOf(p)} className="row-link" translate="no">
                  {p.reference}
                </Link>
                <span className="account-row__amount">{p.kind === 'refund' ? `−${formatMoney(p.amountCents, locale)}` : formatMoney(p.amountCents, locale)}</span>
              </>
            }
          >
            <p className="cluster gap-2 muted text-sm user-text">
              {formatDate(p.paidAt, locale, 'medium')} · {tp(`method.${p.method}`)}
              {p.kind === 'refund' ? <span className="badge badge--warning">{t('payments.refund')}</span> : null}
              {p.voided ? <span className="badge badge--danger">{t('payments.voided')}</span> : null}
            </p>
          </AccountRow>
        ))}
      </AccountList>
    </div>
  );
}
