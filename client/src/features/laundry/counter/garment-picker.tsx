import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { TextInput } from '@/components/text-field';
import { Card } from '@/components/card';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { LaundryCategoryDto } from '@/features/laundry/api/list-laundry-categories';
import { serviceName } from '@/features/laundry/laundry-format';
import { parseQuick } from './counter-draft';
import './counter-strings';

/** The catalogue by category, in the price list's order; services without a category come last. */
function groups(services: LaundryServiceDto[], categories: LaundryCategoryDto[]) {
  const active = services.filter((s) => s.isActive).sort((a, b) => a.position - b.position);
  const known = new Set(categories.map((c) => c.id));
  const byCategory = categories.map((c) => ({ id: String(c.id), category: c as LaundryCategoryDto | null, services: active.filter((s) => s.categoryId === c.id) }));
  const rest = active.filter((s) => s.categoryId === null || !known.has(s.categoryId));
  return [...byCategory, { id: 'other', category: null, services: rest }].filter((g) => g.services.length > 0);
}

/**
 * Garment buttons grouped by category (a tap adds one piece, or a bag for a per-kg service) and a quick
 * add field for the keyboard: "3 camisa" Enter adds three shirts, "4,2 lavar" a 4,2 kg bag.
 */
export function GarmentPicker({
  services,
  categories,
  onAdd,
  quickRef,
}: {
  services: LaundryServiceDto[];
  categories: LaundryCategoryDto[];
  onAdd: (service: LaundryServiceDto, amount?: string) => void;
  quickRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation('counter');
  const locale = currentLocale();
  const [quick, setQuick] = useState('');
  const [miss, setMiss] = useState<string | null>(null);

  return (
    <Card id="counter-garments-title" title={t('garments.title')} className="stack gap-4">
      <form
        className="counter-quick"
        onSubmit={(event) => {
          event.preventDefault();
          if (!quick.trim()) return;
          const found = parseQuick(quick, services);
          if (!found) {
            setMiss(quick.trim());
            return;
          }
          setMiss(null);
          onAdd(found.service, found.amount);
          setQuick('');
        }}
      >
        <TextInput
          label={t('garments.quick')}
          description={t('garments.quickHint')}
          placeholder={t('garments.quickPlaceholder')}
          value={quick}
          onChange={(value) => {
            setQuick(value);
            setMiss(null);
          }}
          errorMessage={miss ? t('garments.quickNone', { text: miss }) : undefined}
          autoComplete="off"
          spellCheck={false}
          inputRef={quickRef}
        />
      </form>
      {groups(services, categories).map((group) => (
        <div key={group.id} className="stack gap-2" role="group" aria-labelledby={`counter-group-${group.id}`}>
          <h3 id={`counter-group-${group.id}`} className="subheading">
            {group.category ? serviceName(group.category, locale) : t('garments.title')}
          </h3>
          <div className="counter-group__buttons">
            {group.services.map((service) => (
              <Button key={service.id} variant="secondary" className="counter-garment" aria-label={t('garments.add', { name: serviceName(service, locale) })} onPress={() => onAdd(service)}>
                <span className="user-text">{serviceName(service, locale)}</span>
                <span className="muted text-sm counter-garment__price">
                  {formatMoney(service.priceCents, locale)}
                  {service.pricingUnit === 'per_kg' ? ` / kg` : ''}
                </span>
              </Button>
            ))}
          </div>
        </div>
      ))}
    </Card>
  );
}
