import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { ToggleButton } from 'react-aria-components';
import { Button } from '@/components/button';
import { RadioCards } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { formatCount, formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { PricePreviewDto } from '@/features/laundry/api/preview-laundry-price';
import type { LabelFormat } from './use-counter-submit';
import './counter-strings';

/**
 * The counter's summary: express on or off, the ready date and total from the live price preview, the
 * label format (remembered) and "Create and print".
 */
export function CounterSummary({
  express,
  onExpress,
  preview,
  updating,
  pieces,
  format,
  onFormat,
  problem,
  failure,
  pending,
  onSubmit,
}: {
  express: boolean;
  onExpress: (on: boolean) => void;
  preview: PricePreviewDto | undefined;
  updating: boolean;
  pieces: number;
  format: LabelFormat;
  onFormat: (format: LabelFormat) => void;
  problem: string | null;
  failure: unknown;
  pending: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation('counter');
  const locale = currentLocale();
  return (
    <Card id="counter-summary-title" title={t('summary.title')} titleHidden className="stack gap-4 counter-summary">
      <div className="cluster cluster--spread">
        <ToggleButton className="chip counter-express" isSelected={express} onChange={onExpress} aria-describedby="counter-express-hint">
          <Icon name="play" size={18} />
          <span>{t('summary.express')}</span>
        </ToggleButton>
        <span id="counter-express-hint" className="visually-hidden">
          {t('summary.expressHint')}
        </span>
        <dl className="cluster gap-5" aria-live="polite" aria-busy={updating}>
          <div>
            <dt className="muted text-sm">{t('summary.ready')}</dt>
            <dd className="strong" data-testid="counter-ready">{preview ? formatDate(preview.expectedReadyDate, locale, 'medium') : '—'}</dd>
          </div>
          <div>
            <dt className="muted text-sm">
              {t('summary.total')} · {updating ? t('summary.updating') : formatCount(pieces, 'pieces', locale)}
            </dt>
            <dd className="amount counter-summary__total" data-testid="counter-total">
              {preview ? formatMoney(preview.totalCents, locale) : '—'}
            </dd>
          </div>
        </dl>
      </div>
      <RadioCards
        label={t('summary.labelFormat')}
        orientation="horizontal"
        value={format}
        onChange={(value) => onFormat(value as LabelFormat)}
        options={[
          { value: 'roll', label: t('summary.roll') },
          { value: 'sheet', label: t('summary.sheet') },
        ]}
      />
      {failure ? (
        <ErrorNotice error={failure} />
      ) : problem ? (
        <Notice tone="danger">{problem}</Notice>
      ) : null}
      <Button variant="primary" size="lg" block isPending={pending} pendingLabel={t('summary.submitting')} onPress={onSubmit}>
        <Icon name="check" size={20} />
        {t('summary.submit')}
      </Button>
    </Card>
  );
}
