import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';

/**
 * The payments block of a staff order (status, paid, balance, history), as the payments module adds
 * it to the order detail. Typed here by what this card shows, so the card works with or without it.
 */
export interface PaymentsView {
  status: 'pending' | 'partial' | 'paid';
  dueCents: number | null;
  paidCents: number;
  refundedCents: number;
  balanceCents: number | null;
  receipt: { id: number; receiptNumber: string } | null;
  history: Array<{ id: number; kind: 'payment' | 'refund'; amountCents: number; method: 'cash' | 'card' | 'transfer' | 'mbway' | 'other'; paidAt: string; voided: boolean }>;
}

export function paymentsOf(order: object): PaymentsView | undefined {
  return (order as { payments?: PaymentsView }).payments;
}

export function PaymentsCard({ payments }: { payments: PaymentsView }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section className="card" aria-labelledby="payments-title">
      <div className="card__header card__header--row">
        <h2 id="payments-title" className="card__title">
          {t('payments.title')}
        </h2>
        <span className={`pay-status pay-status--${payments.status}`}>{t(`payments.${payments.status}`)}</span>
      </div>
      <dl className="price-breakdown">
        <div className="price-breakdown__row">
          <dt>{t('payments.paidAmount')}</dt>
          <dd>{money(payments.paidCents)}</dd>
        </div>
        {payments.refundedCents ? (
          <div className="price-breakdown__row">
            <dt>{t('payments.refunded')}</dt>
            <dd>{money(payments.refundedCents)}</dd>
          </div>
        ) : null}
        {payments.balanceCents !== null ? (
          <div className="price-breakdown__row price-breakdown__row--total">
            <dt>{t('payments.balance')}</dt>
            <dd>{money(payments.balanceCents)}</dd>
          </div>
        ) : null}
      </dl>
      {payments.history.length ? (
        <ul role="list" className="payment-list">
          {payments.history.map((p) => (
            <li key={p.id} className={p.voided ? 'payment-list__item payment-list__item--voided' : 'payment-list__item'}>
              <span>
                {formatDate(p.paidAt, locale)} · {t(`payments.method.${p.method}`)}
                {p.kind === 'refund' ? ` · ${t('payments.refund')}` : ''}
                {p.voided ? ` · ${t('payments.voided')}` : ''}
              </span>
              <span className="payment-list__amount">{p.kind === 'refund' ? `−${money(p.amountCents)}` : money(p.amountCents)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted-text">{t('payments.none')}</p>
      )}
      {payments.receipt ? <p className="muted-text">{t('payments.receipt', { number: payments.receipt.receiptNumber })}</p> : null}
    </section>
  );
}
