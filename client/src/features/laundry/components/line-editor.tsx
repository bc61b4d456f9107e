import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { TextInput } from '@/components/text-field';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { fieldMessage } from '@/features/laundry/field-message';
import { serviceName } from '@/features/laundry/laundry-format';
import { emptyLine, type DraftErrors, type LineDraft } from '@/features/laundry/order-draft';
import { SelectInput } from '@/components/fields';

export interface LinePrice {
  totalCents: number;
  minimumApplied: boolean;
  /** Priced at the client's own price, not the catalogue's. */
  clientPrice?: boolean;
}

function LineRow({
  line,
  index,
  services,
  errors,
  price,
  canRemove,
  showTotal,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  services: LaundryServiceDto[];
  errors: DraftErrors;
  price?: LinePrice;
  canRemove: boolean;
  showTotal: boolean;
  onChange: (line: LineDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const single = !showTotal;
  const service = services.find((s) => String(s.id) === line.serviceId);
  const perItem = service?.pricingUnit === 'per_item';
  const hasDetails = Boolean(line.itemType || line.itemCategory || line.conditionNotes || line.specialTreatment);
  const [showDetails, setShowDetails] = useState(perItem || hasDetails);
  const number = index + 1;
  const error = (field: string) => fieldMessage(errors[`lines.${index}.${field}`], t);
  const set = (patch: Partial<LineDraft>) => onChange({ ...line, ...patch });
  const options = services
    .filter((s) => s.isActive || String(s.id) === line.serviceId)
    .map((s) => ({ value: String(s.id), label: `${serviceName(s, locale)} · ${formatMoney(s.priceCents, locale)} ${t(`unit.${s.pricingUnit}`)}` }));

  return (
    <li className={single ? 'stack gap-2' : 'panel stack gap-2'} aria-label={t('form.lineLabel', { number })} data-testid={`line-${index}`}>
      <div className="line-editor__main">
        <SelectInput
          label={t('form.service')}
          value={line.serviceId}
          onChange={(serviceId) => {
            const next = services.find((s) => String(s.id) === serviceId);
            set({ serviceId, ...(next?.pricingUnit === 'per_kg' ? { quantity: '' } : { weightKg: '' }) });
            if (next?.pricingUnit === 'per_item') setShowDetails(true);
          }}
          options={options}
          placeholder={t('form.chooseService')}
          errorMessage={error('serviceId')}
          className="line-editor__service"
        />
        {perItem ? (
          <TextInput
            label={t('form.quantity')}
            value={line.quantity}
            onChange={(quantity) => set({ quantity })}
            inputMode="numeric"
            autoComplete="off"
            errorMessage={error('quantity')}
          />
        ) : (
          <TextInput
            label={t('form.weightKg')}
            value={line.weightKg}
            onChange={(weightKg) => set({ weightKg })}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0,0"
            errorMessage={error('weightKg')}
          />
        )}
        {showTotal ? (
        <div className="line-editor__total">
          <span className="muted text-sm">{t('form.lineTotal')}</span>
          <span className="amount text-lg line-editor__total-value" data-testid={`line-${index}-total`}>
            {price ? formatMoney(price.totalCents, locale) : '—'}
          </span>
          {price?.minimumApplied ? <span className="cell-note">{t('price.minimumApplied')}</span> : null}
          {price?.clientPrice ? (
            <span className="cell-note" data-testid={`line-${index}-client-price`}>
              {t('price.clientPrice')}
            </span>
          ) : null}
        </div>
        ) : null}
        {single ? null : canRemove ? (
          <Button variant="ghost" iconOnly aria-label={t('form.removeLine', { number })} onPress={onRemove} className="line-editor__remove">
            <Icon name="close" size={20} />
          </Button>
        ) : (
          <span className="line-editor__remove" aria-hidden="true" />
        )}
      </div>
      <Button variant="ghost" size="sm" onPress={() => setShowDetails((v) => !v)} aria-expanded={showDetails} className="line-editor__toggle">
        <Icon name="chevronRight" size={16} className={showDetails ? 'line-editor__chevron--open' : undefined} />
        {t('form.moreDetails')}
      </Button>
      {showDetails ? (
        <div className="form-grid">
          <TextInput label={t('form.itemType')} value={line.itemType} onChange={(itemType) => set({ itemType })} placeholder={t('form.itemTypePlaceholder')} errorMessage={error('itemType')} />
          <TextInput label={t('form.itemCategory')} value={line.itemCategory} onChange={(itemCategory) => set({ itemCategory })} errorMessage={error('itemCategory')} />
          <TextInput
            label={t('form.conditionNotes')}
            value={line.conditionNotes}
            onChange={(conditionNotes) => set({ conditionNotes })}
            placeholder={t('form.conditionPlaceholder')}
            errorMessage={error('conditionNotes')}
          />
          <TextInput label={t('form.specialTreatment')} value={line.specialTreatment} onChange={(specialTreatment) => set({ specialTreatment })} errorMessage={error('specialTreatment')} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * The order's lines: a service and a weight (kg, sent as grams) or a quantity with item details, each
 * with its own live price; lines are added by weight or by item and removed while more than one is left.
 */
export function LineEditor({
  lines,
  services,
  errors,
  prices,
  onChange,
  single = false,
}: {
  lines: LineDraft[];
  services: LaundryServiceDto[];
  errors: DraftErrors;
  prices: Map<string, LinePrice>;
  onChange: (lines: LineDraft[]) => void;
  /** One line only (adding a line to a saved order): no add buttons, no running total. */
  single?: boolean;
}) {
  const { t } = useTranslation('laundry');
  const active = services.filter((s) => s.isActive);
  const firstOf = (unit: 'per_kg' | 'per_item') => active.find((s) => s.pricingUnit === unit);
  const add = (unit: 'per_kg' | 'per_item') => onChange([...lines, emptyLine(String(firstOf(unit)?.id ?? ''))]);
  return (
    <div className={single ? 'stack gap-4 line-editor--single' : 'stack gap-4'}>
      <ol className="stack gap-3">
        {lines.map((line, index) => (
          <LineRow
            key={line.key}
            line={line}
            index={index}
            services={services}
            errors={errors}
            price={prices.get(line.key)}
            canRemove={!single && lines.length > 1}
            showTotal={!single}
            onChange={(next) => onChange(lines.map((l) => (l.key === line.key ? next : l)))}
            onRemove={() => onChange(lines.filter((l) => l.key !== line.key))}
          />
        ))}
      </ol>
      {single ? null : (
      <div className="cluster">
        {firstOf('per_kg') ? (
          <Button variant="soft" onPress={() => add('per_kg')}>
            <Icon name="washer" size={18} />
            {t('form.addPerKg')}
          </Button>
        ) : null}
        {firstOf('per_item') ? (
          <Button variant="soft" onPress={() => add('per_item')}>
            <Icon name="shirt" size={18} />
            {t('form.addPerItem')}
          </Button>
        ) : null}
      </div>
      )}
    </div>
  );
}
