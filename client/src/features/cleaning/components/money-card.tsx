import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CleaningEstimate, CleaningPrice } from '@contracts/cleaning';
import { formatMoney, formatPercent } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { formatMinutes, formatSeconds } from '@/features/cleaning/job-format';
import '@/features/cleaning/cleaning-strings';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

type Price = z.infer<typeof CleaningPrice>;
type Estimate = z.infer<typeof CleaningEstimate>;

/** The final price of a completed job (every figure from its snapshot) or, before that, the estimate. */
export function MoneyCard({ price, estimate, title, estimateNote }: { price: Price | null; estimate: Estimate; title: string; estimateNote: string }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  return (
    <JobSection
      id="job-money"
      title={
        <>
          {title}
          {price ? null : <span className="badge">{t('detail.estimate')}</span>}
        </>
      }
    >
      <dl className="figures text-sm">
        {price ? (
          <>
            <div>
              <dt>{t('detail.labour')}</dt>
              <dd>{formatSeconds(price.labourSeconds, t)}</dd>
            </div>
            <div>
              <dt>
                {t('detail.billable')}
                <span className="facts__sub">{t('detail.billableHint', { minutes: price.billingIncrementMinutes })}</span>
              </dt>
              <dd>{formatMinutes(price.billableMinutes, t)}</dd>
            </div>
            <div>
              <dt>{t('detail.rate')}</dt>
              <dd>{formatMoney(price.hourlyRateCents, locale)}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('detail.labour')}</dt>
            <dd>{formatMinutes(estimate.labourMinutes, t)}</dd>
          </div>
        )}
        <div className="figures__sum">
          <dt>{t('detail.subtotal')}</dt>
          <dd>{formatMoney((price ?? estimate).subtotalCents, locale)}</dd>
        </div>
        <div>
          <dt>{t('detail.vat', { rate: formatPercent((price ?? estimate).vatRateBasisPoints, locale) })}</dt>
          <dd>{formatMoney((price ?? estimate).vatCents, locale)}</dd>
        </div>
        <div className="figures__balance">
          <dt>{t('detail.total')}</dt>
          <dd>{formatMoney((price ?? estimate).totalCents, locale)}</dd>
        </div>
      </dl>
      {price ? null : <p className="muted text-sm">{estimateNote}</p>}
    </JobSection>
  );
}
