import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { TextInput } from '@/components/text-field';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { OpenDocument } from '@/features/accounts/allocation';
import '@/features/accounts/accounts-strings';

/** What the lines leave: nothing (all allocated), money still to place, or more placed than received. */
export function AllocationStatus({ remainingCents }: { remainingCents: number }) {
  const { t } = useTranslation('accounts');
  const money = (cents: number) => formatMoney(cents, currentLocale());
  const state = remainingCents === 0 ? 'done' : remainingCents > 0 ? 'left' : 'over';
  return (
    <p className={`notice notice--${state === 'done' ? 'success' : 'warning'} strong`} role="status" data-testid="allocation-remaining" data-remaining={remainingCents}>
      {state === 'done' ? t('record.allAllocated') : state === 'left' ? t('record.remaining', { amount: money(remainingCents) }) : t('record.overAllocated', { amount: money(-remainingCents) })}
    </p>
  );
}

/**
 * One line per open document, oldest first: the reference, what it owes, and the euros of this payment
 * that go to it (editable). "Spread oldest first" fills them again from the amount received.
 */
export function AllocationLines({
  docs,
  lines,
  errors,
  onChange,
  onSpread,
}: {
  docs: readonly OpenDocument[];
  lines: Record<string, string>;
  errors: Record<string, string | undefined>;
  onChange: (key: string, value: string) => void;
  onSpread: () => void;
}) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  return (
    <fieldset className="stack gap-2">
      <legend className="strong">{t('record.allocationTitle')}</legend>
      <p className="muted text-sm">{t('record.allocationLead')}</p>
      <ul role="list" className="stack gap-2">
        {docs.map((doc) => (
          <li key={doc.key} className="tile allocation__line" data-testid="allocation-line" data-reference={doc.reference}>
            <div className="allocation__doc stack gap-0-5">
              <span className="strong" translate="no">
                {doc.reference}
              </span>
              <span className="muted">{t('record.lineOwes', { amount: formatMoney(doc.outstandingCents, locale) })}</span>
            </div>
            <div className="allocation__input">
              <TextInput
                label={t('record.lineAmount', { reference: doc.reference })}
                value={lines[doc.key] ?? ''}
                onChange={(value) => onChange(doc.key, value)}
                inputMode="decimal"
                autoComplete="off"
                errorMessage={errors[doc.key]}
              />
            </div>
          </li>
        ))}
      </ul>
      <div>
        <Button variant="ghost" size="sm" onPress={onSpread}>
          {t('record.spread')}
        </Button>
      </div>
    </fieldset>
  );
}
