import { useTranslation } from 'react-i18next';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Icon } from '@/components/icon';
import { progressSteps } from '@/features/laundry/laundry-format';

/** Where the order is on its way, as steps (the current one is named for screen readers). */
export function StatusProgress({ status, deliveryRequested }: { status: LaundryStatusValue; deliveryRequested: boolean }) {
  const { t } = useTranslation('laundry');
  if (status === 'cancelled') return null;
  const steps = progressSteps(deliveryRequested);
  const current = steps.indexOf(status);
  return (
    <ol className="progress" aria-label={t('client.progressLabel')}>
      {steps.map((step, i) => (
        <li key={step} className={`progress__step${i <= current ? ' progress__step--done' : ''}`} aria-current={i === current ? 'step' : undefined}>
          <span className="progress__dot" aria-hidden="true">
            {i <= current ? <Icon name="check" size={14} /> : null}
          </span>
          <span className="progress__label">{t(`status.${step}`)}</span>
        </li>
      ))}
    </ol>
  );
}
