import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { NumberInput, SelectField } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { EmptyState, QueryView } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { currentLocale } from '@/lib/i18n';
import { formatCount } from '@/lib/format';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useLinenSet, useSaveLinenSet, type LinenItem } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';

interface Line {
  key: number;
  serviceId: number | null;
  label: string;
  quantity: number;
}

let nextKey = 1;
const toLines = (items: LinenItem[]): Line[] => items.map((i) => ({ key: nextKey++, serviceId: i.serviceId, label: i.label, quantity: i.quantity }));

function LinenForm({ propertyId, items }: { propertyId: number; items: LinenItem[] }) {
  const { t } = useTranslation('turnovers');
  const locale = currentLocale();
  const services = useLaundryServices();
  const save = useSaveLinenSet(propertyId);
  const [lines, setLines] = useState<Line[]>(() => toLines(items));
  const [saved, setSaved] = useState(false);
  useEffect(() => setLines(toLines(items)), [items]);

  const perItem = (services.data ?? []).filter((s) => s.pricingUnit === 'per_item' && s.isActive);
  const options = perItem.map((s) => ({ id: s.id, label: locale === 'en' ? s.nameEn : s.name }));
  const change = (key: number, patch: Partial<Line>) => {
    setSaved(false);
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const complete = lines.filter((l): l is Line & { serviceId: number } => l.serviceId !== null);
    save.mutate({ items: complete.map((l) => ({ serviceId: l.serviceId, label: l.label.trim(), quantity: l.quantity })) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="stack" onSubmit={submit}>
      {services.isSuccess && options.length === 0 ? <Notice tone="warning">{t('linen.noServices')}</Notice> : null}
      {lines.length === 0 ? (
        <EmptyState icon="shirt" title={t('linen.none')}>
          {t('linen.noneText')}
        </EmptyState>
      ) : (
        <ol className="stack gap-3 divided" role="list">
          {lines.map((line, index) => (
            <li key={line.key} className="linen-line" aria-label={t('linen.line', { number: index + 1 })}>
              <SelectField
                label={t('linen.service')}
                options={options}
                value={line.serviceId}
                onChange={(value) => {
                  const service = perItem.find((s) => s.id === Number(value));
                  change(line.key, { serviceId: value === null ? null : Number(value), label: line.label || (service ? (locale === 'en' ? service.nameEn : service.name) : '') });
                }}
              />
              <TextInput label={t('linen.label')} value={line.label} onChange={(label) => change(line.key, { label })} isRequired maxLength={120} />
              <NumberInput
                label={t('linen.quantity')}
                value={line.quantity}
                onChange={(quantity) => change(line.key, { quantity })}
                minValue={1}
                maxValue={500}
                incrementLabel={t('linen.more')}
                decrementLabel={t('linen.less')}
              />
              <Button variant="ghost" iconOnly aria-label={t('linen.removeLine', { number: index + 1 })} onPress={() => setLines((all) => all.filter((l) => l.key !== line.key))} className="linen-line__remove">
                <Icon name="trash" size={18} />
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div aria-live="polite">
        {save.error ? (
          <ErrorNotice error={save.error} />
        ) : saved ? (
          <Notice tone="success">{t('linen.saved')}</Notice>
        ) : null}
      </div>
      <div className="cluster">
        <Button variant="soft" onPress={() => setLines((all) => [...all, { key: nextKey++, serviceId: null, label: '', quantity: 1 }])}>
          <Icon name="plus" size={18} />
          {t('linen.addLine')}
        </Button>
        <Button type="submit" variant="primary" isPending={save.isPending} pendingLabel={t('linen.saving')}>
          {t('linen.save')}
        </Button>
      </div>
    </form>
  );
}

/** The property's linen set (what each turnover sends to the laundry): staff edit it, the owning client reads it. */
export function LinenSetCard({ propertyId, editable }: { propertyId: number; editable: boolean }) {
  const { t } = useTranslation('turnovers');
  const linen = useLinenSet(propertyId);
  return (
    <Card id="linen-title" title={t('linen.title')} lead={t('linen.lead')}>
      <QueryView query={linen}>
        {(items) =>
          editable ? (
            <LinenForm propertyId={propertyId} items={items} />
          ) : items.length === 0 ? (
            <p className="muted">{t('linen.none')}</p>
          ) : (
            <ul role="list" className="stack gap-1">
              {items.map((item) => (
                <li key={item.id}>
                  <span>{item.label}</span> <span className="muted">{formatCount(item.quantity, 'pieces', currentLocale())}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Card>
  );
}
