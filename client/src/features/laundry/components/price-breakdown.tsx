import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
// The order's price is drawn like the payments block's figures, which sit beside it on an order.

export interface Breakdown {
  linesTotalCents: number;
  additionalChargesCents: number;
  discountCents: number;
  deliveryFeeCents: number;
  subtotalCents: number;
  vatRateBasisPoints: number;
  vatCents: number;
  totalCents: number;
}

/**
 * Subtotal, delivery, VAT and total of an order. Rows that are zero (no discount, no delivery) are left
 * out except the ones every receipt has.
 */
export function PriceBreakdown({ breakdown, testId }: { breakdown: Breakdown; testId?: string }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <dl className="figures text-sm" data-testid={testId}>
      <div>
        <dt>{t('price.lines')}</dt>
        <dd>{money(breakdown.linesTotalCents)}</dd>
      </div>
      {breakdown.additionalChargesCents ? (
        <div>
          <dt>{t('price.additional')}</dt>
          <dd>{money(breakdown.additionalChargesCents)}</dd>
        </div>
      ) : null}
      {breakdown.discountCents ? (
        <div>
          <dt>{t('price.discount')}</dt>
          <dd>−{money(breakdown.discountCents)}</dd>
        </div>
      ) : null}
      {breakdown.deliveryFeeCents ? (
        <div>
          <dt>{t('price.deliveryFee')}</dt>
          <dd>{money(breakdown.deliveryFeeCents)}</dd>
        </div>
      ) : null}
      <div className="figures__sum" data-testid="price-subtotal">
        <dt>{t('price.subtotal')}</dt>
        <dd>{money(breakdown.subtotalCents)}</dd>
      </div>
      <div data-testid="price-vat">
        <dt>{t('price.vat', { rate: formatPercent(breakdown.vatRateBasisPoints, locale) })}</dt>
        <dd>{money(breakdown.vatCents)}</dd>
      </div>
      <div className="figures__balance" data-testid="price-total">
        <dt>{t('price.total')}</dt>
        <dd>{money(breakdown.totalCents)}</dd>
      </div>
    </dl>
  );
}
