import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useDownloadClientPaymentReceipt, type ClientPayment } from '@/features/accounts/api/client-payments';
import '@/features/accounts/accounts-strings';

/** After a payment is recorded: what was recorded, and its receipt (PAG-…) to download or hand over. */
export function RecordedPaymentNotice({ payment }: { payment: ClientPayment }) {
  const { t } = useTranslation('accounts');
  const download = useDownloadClientPaymentReceipt();
  return (
    <div className="stack stack--sm" data-testid="recorded-payment">
      <Notice tone="success">
        <span className="cluster">
          <span>{t('record.done', { number: payment.number, amount: formatMoney(payment.amountCents, currentLocale()) })}</span>
          <Button size="sm" variant="secondary" onPress={() => download.mutate(payment)} isPending={download.isPending}>
            <Icon name="download" size={16} />
            {t('record.receipt', { number: payment.number })}
          </Button>
        </span>
      </Notice>
      <ErrorNotice error={download.error} />
    </div>
  );
}
