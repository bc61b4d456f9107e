import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDto } from '@contracts/receipts';
import { Pager } from '@/components/pager';
import { EmptyState, QueryFallback } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAccountReceipts, type AccountScope } from '@/features/accounts/api/accounts-api';
import { useDownloadReceipt } from '@/features/payments/api/download-receipt';
import { AccountList, AccountRow } from './account-rows';
import '@/features/accounts/accounts-strings';

/** The receipts issued to the client (REC-…), newest first, each with its PDF. */
export function ReceiptsPanel({ scope }: { scope: AccountScope }) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  const [offset, setOffset] = useState(0);
  const receipts = useAccountReceipts(scope, offset);
  const download = useDownloadReceipt();

  if (!receipts.isSuccess) return <QueryFallback query={receipts} title={t('tabs.receipts')} />;
  if (receipts.data.items.length === 0) return <EmptyState icon="wallet" title={t('receipts.empty')} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <AccountList error={download.error} footer={<Pager meta={receipts.data.meta} onOffsetChange={setOffset} />}>
        {receipts.data.items.map((r: ReceiptDto) => (
          <AccountRow
            key={r.id}
            testId="account-receipt"
            title={
              <>
                <span translate="no">{r.receiptNumber}</span>
                <span className="account-row__amount">{formatMoney(r.totalCents, locale)}</span>
              </>
            }
            download={{
              label: t('receipts.download'),
              ariaLabel: t('receipts.downloadOf', { number: r.receiptNumber }),
              isPending: download.isPending && download.variables?.id === r.id,
              onPress: () => download.mutate(r),
            }}
          >
            <p className="cluster gap-2 muted text-sm user-text">
              {t('receipts.reference')} <span translate="no">{r.reference}</span> · {t('receipts.issued')} {formatDate(r.issuedAt, locale, 'medium')}
            </p>
          </AccountRow>
        ))}
      </AccountList>
    </div>
  );
}
