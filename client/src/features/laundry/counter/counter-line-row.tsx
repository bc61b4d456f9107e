import { useTranslation } from 'react-i18next';
import { ToggleButton } from 'react-aria-components';
import type { LaundryServiceDto } from '@contracts/laundry';
import { LAUNDRY_LIMITS } from '@contracts/laundry';
import { Button } from '@/components/button';
import { FileInput } from '@/components/file-picker';
import { NumberInput } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import '@/components/kit.css';
import { TextInput } from '@/components/text-field';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { serviceName } from '@/features/laundry/laundry-format';
import type { CounterLine } from './counter-draft';
import './counter-strings';

const COLOURS = ['white', 'black', 'blue', 'navy', 'grey', 'beige', 'red', 'green'] as const;

/**
 * One line of the counter's order: how many (− / + or typed) or how heavy, the colour (a quick choice
 * or typed), brand, notes and a condition photo from the camera. Everything in reading order for Tab.
 */
export function CounterLineRow({
  line,
  service,
  totalCents,
  error,
  onChange,
  onRemove,
  onSplit,
  weightRef,
}: {
  line: CounterLine;
  service: LaundryServiceDto | undefined;
  totalCents: number | undefined;
  error: string | undefined;
  onChange: (patch: Partial<CounterLine>) => void;
  onRemove: () => void;
  onSplit: () => void;
  weightRef?: (el: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation('counter');
  const locale = currentLocale();
  const name = service ? serviceName(service, locale) : '';
  const colourWords = COLOURS.map((c) => t(`colours.${c}`));

  return (
    <li className="panel stack gap-3" data-testid="counter-line">
      <div className="counter-line__head">
        <span className="user-text counter-line__name">{name}</span>
        {line.perKg ? (
          <TextInput
            label={t('lines.weight', { name })}
            hideLabel
            value={line.weightKg}
            onChange={(weightKg) => onChange({ weightKg })}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0,0"
            errorMessage={error ? t(`summary.${error as 'weightRequired'}`) : undefined}
            inputRef={weightRef}
          />
        ) : (
          <NumberInput
            label={t('lines.quantity', { name })}
            hideLabel
            value={line.quantity}
            onChange={(quantity) => onChange({ quantity: Number.isFinite(quantity) ? Math.max(1, Math.round(quantity)) : 1 })}
            minValue={1}
            maxValue={LAUNDRY_LIMITS.quantity}
            incrementLabel={t('lines.more')}
            decrementLabel={t('lines.less')}
          />
        )}
        <span className="amount counter-line__price">{totalCents !== undefined ? formatMoney(totalCents, locale) : '—'}</span>
        <Button variant="ghost" iconOnly aria-label={t('lines.remove', { name })} onPress={onRemove}>
          <Icon name="trash" size={18} />
        </Button>
      </div>
      <div className="stack gap-3" role="group" aria-label={t('lines.details', { name })}>
        <div className="cluster gap-2" role="group" aria-label={t('lines.colour')}>
          {colourWords.map((word) => (
            <ToggleButton key={word} className="chip" isSelected={line.colour === word} onChange={(on) => onChange({ colour: on ? word : '' })}>
              {word}
            </ToggleButton>
          ))}
        </div>
        <div className="counter-line__fields">
          <TextInput label={t('lines.colourOther')} value={line.colour} onChange={(colour) => onChange({ colour })} maxLength={40} autoComplete="off" />
          <TextInput label={t('lines.brand')} value={line.brand} onChange={(brand) => onChange({ brand })} maxLength={60} autoComplete="off" />
          <TextInput label={t('lines.notes')} placeholder={t('lines.notesPlaceholder')} value={line.notes} onChange={(notes) => onChange({ notes })} maxLength={500} autoComplete="off" />
        </div>
        <div className="counter-line__photo">
          {line.photo ? (
            <p className="cluster gap-2 user-text">
              <Icon name="camera" size={18} />
              <span>{t('lines.photoTaken', { name: line.photo.name })}</span>
              <Button variant="ghost" size="sm" onPress={() => onChange({ photo: null })}>
                {t('lines.photoRemove')}
              </Button>
            </p>
          ) : (
            <FileInput label={t('lines.photo')} description={t('lines.photoHint')} accept="image/*" capture="environment" clearAfterPick onChange={(photo) => onChange({ photo })} />
          )}
          <Button variant="soft" size="sm" onPress={onSplit}>
            <Icon name="plus" size={16} />
            {!line.perKg && line.quantity > 1 ? t('lines.separate') : t('lines.split')}
          </Button>
        </div>
      </div>
    </li>
  );
}
