import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDto } from '@contracts/receipts';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { Pager } from '@/components/pager';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAccountReceipts, type AccountScope } from '@/features/accounts/api/accounts-api';
import { useDownloadReceipt } from '@/features/payments/api/download-receipt';
import '@/features/accounts/accounts-strings';

/** The receipts issued to the client (REC-…), newest first, each with its PDF. */
export function ReceiptsPanel({ scope }: { scope: AccountScope }) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  const [offset, setOffset] = useState(0);
  const receipts = useAccountReceipts(scope, offset);
  const download = useDownloadReceipt();

  if (receipts.isPending) return <PageLoader />;
  if (receipts.isError) return <ErrorState error={receipts.error} onRetry={() => void receipts.refetch()} title={t('tabs.receipts')} />;
  if (receipts.data.items.length === 0) return <EmptyState icon="wallet" title={t('receipts.empty')} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <ErrorNotice error={download.error} />
      <ul role="list" className="account-list">
        {receipts.data.items.map((r: ReceiptDto) => (
          <li key={r.id} className="account-row" data-testid="account-receipt">
            <div className="account-row__main">
              <p className="account-row__title">
                <span translate="no">{r.receiptNumber}</span>
                <span className="account-row__amount">{formatMoney(r.totalCents, locale)}</span>
              </p>
              <p className="muted account-row__detail">
                {t('receipts.reference')} <span translate="no">{r.reference}</span> · {t('receipts.issued')} {formatDate(r.issuedAt, locale, 'medium')}
              </p>
            </div>
            <Button
              size="sm"
              variant="secondary"
              onPress={() => download.mutate(r)}
              isPending={download.isPending && download.variables?.id === r.id}
              aria-label={t('receipts.downloadOf', { number: r.receiptNumber })}
            >
              <Icon name="download" size={16} />
              {t('receipts.download')}
            </Button>
          </li>
        ))}
      </ul>
      <Pager meta={receipts.data.meta} onOffsetChange={setOffset} />
    </div>
  );
}
