import { useTranslation } from 'react-i18next';
import '@/features/payments/payments-strings';
import { useReceiptsOf } from '@/features/payments/api/list-receipts';
import type { PaymentTarget } from '@/features/payments/api/keys';
import { DownloadReceiptButton } from './receipt-panel';
import '@/features/payments/payments.css';
import { Card } from '@/components/card';

/** The client's own receipt of an order or job, to download; nothing at all until one is issued. */
export function ClientReceipt({ target }: { target: PaymentTarget }) {
  const { t } = useTranslation('payments');
  const receipts = useReceiptsOf(target);
  const receipt = receipts.data?.[0];
  if (!receipt) return null;
  return (
    <Card id="client-receipt-title" title={t('receipt.title')} className="stack gap-2">
      <p className="muted">{t('receipt.clientText')}</p>
      <div className="cluster cluster--spread">
        <p className="amount" data-testid="receipt-number">
          {receipt.receiptNumber}
        </p>
        <DownloadReceiptButton receipt={receipt} variant="primary" />
      </div>
      <p className="muted text-sm">{t('receipt.nonFiscal')}</p>
    </Card>
  );
}
