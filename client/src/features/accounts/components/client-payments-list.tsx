import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '@/components/pager';
import { EmptyState, QueryFallback } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { AccountScope } from '@/features/accounts/api/accounts-api';
import { useClientPayments, useDownloadClientPaymentReceipt } from '@/features/accounts/api/client-payments';
import { AccountList, AccountRow } from './account-rows';
import '@/features/accounts/accounts-strings';
import '@/features/payments/payments-strings';

/** The client's payments over their account (PAG-…), newest first: what each paid and its receipt. */
export function ClientPaymentsList({ scope, emptyText }: { scope: AccountScope; emptyText?: string }) {
  const { t } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const locale = currentLocale();
  const [offset, setOffset] = useState(0);
  const payments = useClientPayments(scope, offset);
  const download = useDownloadClientPaymentReceipt();

  if (!payments.isSuccess) return <QueryFallback query={payments} title={t('tabs.payments')} />;
  if (payments.data.items.length === 0) return emptyText === undefined ? null : <EmptyState icon="wallet" title={emptyText} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <AccountList error={download.error} footer={<Pager meta={payments.data.meta} onOffsetChange={setOffset} />}>
        {payments.data.items.map((p) => (
          <AccountRow
            key={p.id}
            testId="client-payment"
            title={
              <>
                <span translate="no">{p.number}</span>
                <span className="account-row__amount">{formatMoney(p.keptCents, locale)}</span>
              </>
            }
            download={{
              label: t('receipts.download'),
              ariaLabel: t('payments.receiptOf', { number: p.number }),
              isPending: download.isPending && download.variables?.number === p.number,
              onPress: () => download.mutate(p),
            }}
          >
            <p className="cluster gap-2 muted text-sm user-text">
              {formatDate(p.paidAt, locale, 'medium')} · {tp(`method.${p.method}`)} · {t('payments.documentsCount', { count: p.allocations.length })}
              {p.keptCents !== p.amountCents ? <span className="badge badge--danger">{t('payments.voided')}</span> : null}
            </p>
            <p className="cluster gap-2 muted text-sm user-text" translate="no">
              {p.allocations.map((a) => a.reference).join(', ')}
            </p>
          </AccountRow>
        ))}
      </AccountList>
    </div>
  );
}
