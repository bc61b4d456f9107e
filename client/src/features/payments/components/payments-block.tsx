import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentDto, PaymentSummaryDto } from '@contracts/payments';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { formatDateTime, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/payments/payments-strings';
import type { PaymentTarget } from '@/features/payments/api/keys';
import { PaymentStatusBadge } from './payment-status-badge';
import { ReceiptPanel } from './receipt-panel';
import { RecordPaymentDialog } from './record-payment-dialog';
import { RefundDialog } from './refund-dialog';
import { VoidDialog } from './void-dialog';
import '@/features/payments/payments.css';

function HistoryItem({ payment, onVoid }: { payment: PaymentDto; onVoid: (p: PaymentDto) => void }) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const refund = payment.kind === 'refund';
  const amount = refund ? `−${money(payment.amountCents)}` : money(payment.amountCents);
  const when = formatDateTime(payment.paidAt, locale, 'short');
  return (
    <li className={`split pay-history__item${payment.voided ? ' pay-history__item--voided' : ''}`} data-testid="payment-row" data-voided={payment.voided || undefined}>
      <div className="stack gap-0-5">
        <p className="cluster gap-1 strong">
          <time dateTime={payment.paidAt}>{when}</time>
          <span aria-hidden="true"> · </span>
          {t(`method.${payment.method}`)}
          {refund ? <span className="badge badge--warning">{t('kind.refund')}</span> : null}
          {payment.voided ? <span className="badge badge--danger">{t('block.voided')}</span> : null}
        </p>
        <p className="muted text-sm user-text">
          {[
            t('block.by', { name: payment.createdBy.name }),
            payment.tipCents > 0 ? t('block.tipPart', { amount: money(payment.tipCents) }) : null,
            payment.notes,
            refund && payment.reason ? t('block.refundReason', { reason: payment.reason }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {payment.voided ? (
          <p className="text-sm pay-history__void">
            {t('block.voidedBy', {
              name: payment.voidedBy?.name ?? '—',
              date: payment.voidedAt ? formatDateTime(payment.voidedAt, locale, 'short') : '—',
              reason: payment.voidReason ?? '—',
            })}
          </p>
        ) : null}
      </div>
      <div className="stack gap-1 pay-history__side">
        {payment.voided ? <del className="amount pay-history__amount">{amount}</del> : <span className="amount pay-history__amount">{amount}</span>}
        {payment.voided ? null : (
          <Button variant="ghost" size="sm" onPress={() => onVoid(payment)} aria-label={t('block.voidLabel', { kind: t(`kindLower.${payment.kind}`), amount: money(payment.amountCents), date: when })}>
            {t('block.void')}
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * The money of one laundry order or cleaning job for staff: what is due, paid, refunded and still
 * owed, the derived status, every record (voided ones struck through with their reason), and the
 * actions: record a payment (or a deposit against a job's estimate), refund, void, and the receipt.
 * The order and job pages place it with one line.
 */
export function PaymentsBlock({
  target,
  reference,
  clientName,
  summary,
  cancelled,
  canIssueReceipt,
  onAccount = false,
  remindedAt = null,
}: {
  target: PaymentTarget;
  /** The order number or the job reference, as the dialogs name it. */
  reference: string;
  clientName: string;
  summary: PaymentSummaryDto;
  cancelled: boolean;
  /** Priced for good (an order with lines, a completed job): a receipt may be issued. */
  canIssueReceipt: boolean;
  /** The client is billed monthly: not asked to pay here, the statement collects it (issue 19 §5). */
  onAccount?: boolean;
  /** When the client was last reminded to pay this (issue 19 §6). */
  remindedAt?: string | null;
}) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const [dialog, setDialog] = useState<'pay' | 'refund' | null>(null);
  const [voiding, setVoiding] = useState<PaymentDto | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refundable = summary.paidCents - summary.refundedCents;
  const estimate = summary.basis === 'estimate';
  // The history runs oldest first: money usually goes back the way it last came in.
  const lastMethod = summary.history.findLast((p) => p.kind === 'payment' && !p.voided)?.method ?? 'cash';
  const balance = summary.balanceCents;

  return (
    <Card id="pay-block-title" title={t('block.title')} actions={<PaymentStatusBadge status={summary.status} />} className="stack gap-4" data-testid="payments-block">
      {onAccount ? (
        <div data-testid="on-account">
          <Notice tone="info">{t('block.onAccount')}</Notice>
        </div>
      ) : null}
      {remindedAt ? (
        <p className="muted" data-testid="reminded-at">
          {t('block.remindedOn', { date: formatDateTime(remindedAt, locale, 'medium') })}
        </p>
      ) : null}

      <dl className="figures">
        <div>
          <dt>{estimate ? t('block.estimate') : t('block.total')}</dt>
          <dd data-testid="pay-due">{summary.dueCents === null ? t('block.noPrice') : money(summary.dueCents)}</dd>
        </div>
        <div>
          <dt>{t('block.paid')}</dt>
          <dd data-testid="pay-paid">{money(summary.paidCents)}</dd>
        </div>
        {summary.refundedCents > 0 ? (
          <div>
            <dt>{t('block.refunded')}</dt>
            <dd data-testid="pay-refunded">{money(summary.refundedCents)}</dd>
          </div>
        ) : null}
        {summary.tipCents > 0 ? (
          <div>
            <dt>{t('block.tips')}</dt>
            <dd data-testid="pay-tips">{money(summary.tipCents)}</dd>
          </div>
        ) : null}
        {balance !== null ? (
          <div className={`figures__balance${balance > 0 ? ' figures__balance--owed' : ''}`}>
            <dt>{balance < 0 ? t('block.owedToClient') : balance === 0 ? t('block.settled') : t('block.balance')}</dt>
            <dd data-testid="pay-balance">{money(Math.abs(balance))}</dd>
          </div>
        ) : null}
      </dl>
      {estimate ? <p className="muted text-sm">{t('block.estimateHint')}</p> : null}

      {done ? <Notice tone="success">{done}</Notice> : null}
      {cancelled ? (
        <Notice tone="info">{t('block.cancelled')}</Notice>
      ) : (
        <div className="cluster gap-2">
          <Button variant="primary" onPress={() => setDialog('pay')}>
            <Icon name="wallet" size={18} />
            {estimate ? t('block.recordDeposit') : t('block.record')}
          </Button>
          {refundable > 0 ? (
            <Button variant="secondary" onPress={() => setDialog('refund')}>
              <Icon name="refresh" size={18} />
              {t('block.refund')}
            </Button>
          ) : null}
        </div>
      )}

      <h3 className="subheading">{t('block.historyTitle')}</h3>
      {summary.history.length ? (
        <ul role="list" className="stack gap-3 divided">
          {summary.history.map((payment) => (
            <HistoryItem key={payment.id} payment={payment} onVoid={setVoiding} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('block.none')}</p>
      )}

      <ReceiptPanel target={target} receipt={summary.receipt} canIssue={canIssueReceipt && !cancelled} />

      <RecordPaymentDialog
        target={target}
        reference={reference}
        clientName={clientName}
        due={{ balanceCents: balance, basis: summary.basis }}
        isOpen={dialog === 'pay'}
        onOpenChange={(open) => setDialog(open ? 'pay' : null)}
        onRecorded={(result) => setDone(t('block.recorded', { amount: money(result.payment.amountCents) }))}
      />
      <RefundDialog
        target={target}
        reference={reference}
        refundableCents={Math.max(refundable, 0)}
        defaultMethod={lastMethod}
        isOpen={dialog === 'refund'}
        onOpenChange={(open) => setDialog(open ? 'refund' : null)}
        onRecorded={(result) => setDone(t('block.refundRecorded', { amount: money(result.payment.amountCents) }))}
      />
      <VoidDialog target={target} payment={voiding} onClose={() => setVoiding(null)} onVoided={() => setDone(t('block.voidDone'))} />
    </Card>
  );
}
