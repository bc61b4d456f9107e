import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGEING_KEYS } from '@/features/accounts/ageing';
import type { AccountSummaryDto } from '@contracts/accounts';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/accounts/accounts-strings';
import '@/features/payments/payments-strings';

/**
 * The balance of one client: what is owed (or in their favour), how it splits between work handed over,
 * priced work in progress and credit, its age by days since accrual, and the last payment. Staff and
 * the client read the same figures (the client's own words where they differ).
 */
export function AccountSummary({ summary, own = false, actions }: { summary: AccountSummaryDto; own?: boolean; actions?: ReactNode }) {
  const { t } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const { balance, ageing, lastPayment } = summary;
  const inCredit = balance.balanceCents < 0;
  const headline = inCredit ? (own ? t('own.inYourFavour') : t('summary.inCredit')) : own ? t('own.youOwe') : t('summary.outstanding');
  const status =
    balance.balanceCents === 0 && balance.documents === 0 ? (own ? t('own.nothingOwed') : t('summary.settled')) : balance.documents > 0 ? t('summary.documents', { count: balance.documents }) : null;

  return (
    <div className="stack gap-4">
      <div className="cluster cluster--spread account-summary__head">
        <div className="account-summary__balance">
          <p className="muted text-sm strong">{headline}</p>
          <p className={`amount account-summary__amount${inCredit ? ' account-summary__amount--credit' : ''}`} data-testid="account-balance">
            {money(Math.abs(balance.balanceCents))}
          </p>
          {status ? <p className="muted">{status}</p> : null}
        </div>
        {actions ? <div className="account-summary__actions">{actions}</div> : null}
      </div>
      <dl className="facts facts--compact facts--panels">
        <div className="panel">
          <dt>{t('summary.accrued')}</dt>
          <dd data-testid="account-accrued">{money(balance.accruedCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('summary.inProgress')}</dt>
          <dd data-testid="account-in-progress">{money(balance.inProgressCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('summary.credit')}</dt>
          <dd data-testid="account-credit">{money(balance.creditCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('summary.lastPayment')}</dt>
          <dd data-testid="account-last-payment">
            {lastPayment
              ? t('summary.lastPaymentValue', { amount: money(lastPayment.amountCents), date: formatDate(lastPayment.paidAt, locale, 'medium'), method: tp(`method.${lastPayment.method}`) })
              : t('summary.noPayment')}
          </dd>
        </div>
      </dl>
      <div className="stack gap-2">
        <h3 className="text-sm">{t('summary.ageingTitle')}</h3>
        <dl className="facts facts--compact account-ageing__buckets" data-testid="account-ageing">
          {AGEING_KEYS.map((key) => (
            <div key={key} className={`panel account-ageing__bucket${ageing[key] > 0 ? ' account-ageing__bucket--owing' : ''}`} data-bucket={key}>
              <dt>{t(`summary.ageing.${key}`)}</dt>
              <dd>{money(ageing[key])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
