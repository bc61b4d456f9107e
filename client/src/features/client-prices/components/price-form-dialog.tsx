import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '@/components/dialog';
import { SelectInput } from '@/components/fields';
import { DateField } from '@/components/date-fields';
import { ErrorNotice } from '@/components/notice';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { currentLocale } from '@/lib/i18n';
import { lisbonDate } from '@/lib/lisbon-time';
import { centsToEuroInput, parseEuroAmount } from '@/features/payments/euro-amount';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useCreateClientPrice, useUpdateClientPrice, type ClientPrice } from '@/features/client-prices/api/client-prices';

const HOUR = 'cleaning_hour';

/** Add a client price (a service or the cleaning hour, a price, the days it holds), or edit one. */
export function PriceFormDialog({ clientId, price, onClose }: { clientId: number; price: ClientPrice | null; onClose: () => void }) {
  const { t } = useTranslation('clientPrices');
  const describe = useDescribeError();
  const locale = currentLocale();
  const services = useLaundryServices();
  const create = useCreateClientPrice(clientId);
  const update = useUpdateClientPrice(clientId);
  const mutation = price ? update : create;
  const [item, setItem] = useState(price ? (price.item === HOUR ? HOUR : String(price.serviceId)) : '');
  const [amount, setAmount] = useState(price ? centsToEuroInput(price.priceCents, locale) : '');
  const [from, setFrom] = useState(price?.validFrom ?? lisbonDate());
  const [to, setTo] = useState(price?.validTo ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const serverField = (code: string) => (isApiError(mutation.error, code) ? describe(mutation.error).message : undefined);
  const overlap = serverField('PRICE_PERIOD_OVERLAP');
  const options = [
    { value: HOUR, label: t('cleaningHour') },
    ...(services.data ?? [])
      .filter((s) => s.isActive || String(s.id) === item)
      .map((s) => ({ value: String(s.id), label: `${locale === 'pt' ? s.name : s.nameEn} (${t(s.pricingUnit === 'per_kg' ? 'perKg' : 'perItem')})` })),
  ];

  const submit = () => {
    const next: Record<string, string> = {};
    const parsed = parseEuroAmount(amount, locale, 100_000);
    if (!item) next.item = t('chooseAnItem');
    if (!parsed.ok) next.price = t('priceInvalid');
    if (!from) next.from = t('dateRequired');
    if (from && to && to < from) next.to = t('toBeforeFrom');
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.ok) return;
    const validTo = to || null;
    if (price) {
      update.mutate({ clientId, id: price.id, input: { version: price.version, priceCents: parsed.cents, validFrom: from, validTo } }, { onSuccess: onClose });
    } else {
      const input = item === HOUR ? { item: 'cleaning_hour' as const, priceCents: parsed.cents, validFrom: from, validTo } : { item: 'laundry_service' as const, serviceId: Number(item), priceCents: parsed.cents, validFrom: from, validTo };
      create.mutate({ clientId, input }, { onSuccess: onClose });
    }
  };

  return (
    <FormDialog onClose={onClose} title={price ? t('editTitle') : t('createTitle')} onSubmit={submit} confirmLabel={t('save')} pendingLabel={t('saving')} isPending={mutation.isPending}>
      <ErrorNotice error={mutation.error && !overlap ? mutation.error : null} />
      <SelectInput label={t('item')} name="item" value={item} onChange={setItem} options={options} placeholder={t('chooseItem')} errorMessage={errors.item} isDisabled={Boolean(price)} />
      <TextInput
        label={t('price')}
        name="price"
        value={amount}
        onChange={setAmount}
        description={t('priceHelp')}
        errorMessage={errors.price ?? serverField('PRICE_NOT_POSITIVE')}
        inputMode="decimal"
        autoComplete="off"
      />
      <div className="form-grid">
        <DateField label={t('from')} name="validFrom" value={from} onChange={setFrom} errorMessage={errors.from ?? overlap} isRequired />
        <DateField label={t('to')} name="validTo" value={to} onChange={setTo} min={from || undefined} description={t('toHelp')} errorMessage={errors.to} />
      </div>
    </FormDialog>
  );
}
