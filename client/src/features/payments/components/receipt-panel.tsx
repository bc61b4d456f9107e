import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import '@/features/payments/payments-strings';
import { useDownloadReceipt } from '@/features/payments/api/download-receipt';
import { useIssueReceipt } from '@/features/payments/api/issue-receipt';
import type { PaymentTarget } from '@/features/payments/api/keys';

/** Download the receipt PDF; the failure, if any, is explained in place. */
export function DownloadReceiptButton({ receipt, variant = 'secondary' }: { receipt: { id: number; receiptNumber: string }; variant?: 'primary' | 'secondary' }) {
  const { t } = useTranslation('payments');
  const download = useDownloadReceipt();
  return (
    <>
      <Button
        variant={variant}
        onPress={() => download.mutate(receipt)}
        isPending={download.isPending}
        pendingLabel={t('receipt.downloading')}
        aria-label={t('receipt.downloadNamed', { number: receipt.receiptNumber })}
      >
        <Icon name="download" size={18} />
        {t('receipt.download')}
      </Button>
      <ErrorNotice error={download.error} />
    </>
  );
}

/**
 * The receipt part of the payments block: its number and download once issued; before that, issue it
 * (once, after a confirmation: it is numbered and frozen) when the work is priced.
 */
export function ReceiptPanel({ target, receipt, canIssue }: { target: PaymentTarget; receipt: { id: number; receiptNumber: string } | null; canIssue: boolean }) {
  const { t } = useTranslation('payments');
  const issue = useIssueReceipt(target);
  const [confirming, setConfirming] = useState(false);
  // Someone else issued it meanwhile: the refreshed block shows theirs, so this is not a failure.
  const alreadyIssued = isApiError(issue.error, 'RECEIPT_ALREADY_ISSUED');

  return (
    <div className="stack gap-2 receipt-panel" data-testid="receipt-panel">
      <h3 className="subheading">{t('receipt.title')}</h3>
      {receipt ? (
        <div className="cluster cluster--spread">
          <p className="amount" data-testid="receipt-number">
            {receipt.receiptNumber}
          </p>
          <DownloadReceiptButton receipt={receipt} />
        </div>
      ) : canIssue ? (
        <div className="cluster cluster--spread">
          <Button variant="secondary" onPress={() => setConfirming(true)}>
            <Icon name="plus" size={18} />
            {t('receipt.issue')}
          </Button>
        </div>
      ) : (
        <p className="muted text-sm">{t('receipt.notYet')}</p>
      )}
      {issue.data && receipt ? <Notice tone="success">{t('receipt.issued', { number: issue.data.receiptNumber })}</Notice> : null}
      <ErrorNotice error={issue.error && !alreadyIssued && !confirming ? issue.error : null} />
      <p className="muted text-sm">{t('receipt.nonFiscal')}</p>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) issue.reset();
        }}
        title={t('receipt.confirmTitle')}
        confirmLabel={t('receipt.confirm')}
        pendingLabel={t('receipt.issuing')}
        tone="primary"
        isPending={issue.isPending}
        error={alreadyIssued ? null : issue.error}
        onConfirm={() => {
          if (!issue.isPending) issue.mutate(undefined, { onSuccess: () => setConfirming(false), onError: (error) => isApiError(error, 'RECEIPT_ALREADY_ISSUED') && setConfirming(false) });
        }}
      >
        {t('receipt.confirmText')}
      </ConfirmDialog>
    </div>
  );
}
