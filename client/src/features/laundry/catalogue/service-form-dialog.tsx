import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import type { LaundryCategoryDto } from '@contracts/laundry-floor';
import { FormDialog } from '@/components/dialog';
import { FormSelectField, FormTextArea } from '@/components/fields';
import { FormTextField } from '@/components/form-fields';
import { tokenResolver } from '@/lib/form-resolver';
import { currentLocale } from '@/lib/i18n';
import { useCreateLaundryService } from '@/features/laundry/api/laundry-catalogue';
import { useUpdateLaundryService } from '@/features/laundry/api/update-laundry-service';
import { serviceName } from '@/features/laundry/laundry-format';
import { SERVICE_FIELDS, ServiceForm, serverFieldErrors, serviceBody, serviceValues, type ServiceValues } from './service-form';
import './catalogue-strings';

/**
 * Add a service to the price list, or edit one (with the version it was read at): name in both
 * languages, category, unit and price, turnaround, and the express surcharge with its own turnaround.
 * The server's refusals are shown on the fields they are about.
 */
export function ServiceFormDialog({
  service,
  categories,
  onClose,
  onSaved,
}: {
  service: LaundryServiceDto | null;
  categories: readonly LaundryCategoryDto[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation('catalogue');
  const locale = currentLocale();
  const create = useCreateLaundryService();
  const update = useUpdateLaundryService();
  const mutation = service ? update : create;
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm<ServiceValues>({ resolver: tokenResolver(ServiceForm), defaultValues: serviceValues(service, categories, locale) });
  const expressKind = useWatch({ control: form.control, name: 'expressKind' });

  const submit = form.handleSubmit((values) => {
    setGeneralError(null);
    const body = serviceBody(values);
    const onError = (error: unknown) => {
      const placed = serverFieldErrors(error);
      SERVICE_FIELDS.forEach((field) => {
        const token = placed.fields[field];
        if (token) form.setError(field, { message: token }, { shouldFocus: true });
      });
      if (placed.rest) setGeneralError(error);
    };
    const onSuccess = (saved: LaundryServiceDto) => onSaved(serviceName(saved, locale));
    // A service keeps its unit: orders already priced by the piece or by the kilo refer to it.
    const { pricingUnit: _unit, ...changes } = body;
    if (service) update.mutate({ id: service.id, body: { version: service.version, ...changes } }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  // Deactivated categories keep the services already in them, but take no new ones.
  const options = categories
    .filter((c) => c.isActive || c.id === service?.categoryId)
    .map((c) => ({ value: String(c.id), label: locale === 'en' ? c.nameEn : c.name }));

  return (
    <FormDialog
      onClose={onClose}
      title={service ? t('form.editTitle', { name: serviceName(service, locale) }) : t('form.addTitle')}
      size="lg"
      onSubmit={submit}
      confirmLabel={service ? t('form.save') : t('form.add')}
      pendingLabel={t('form.saving')}
      isPending={mutation.isPending}
      error={generalError}
    >
      <div className="form-grid">
        <FormTextField control={form.control} name="name" label={t('form.name')} autoComplete="off" />
        <FormTextField control={form.control} name="nameEn" label={t('form.nameEn')} autoComplete="off" />
        <FormSelectField control={form.control} name="categoryId" label={t('form.category')} options={options} placeholder={t('form.chooseCategory')} />
        <FormSelectField
          control={form.control}
          name="pricingUnit"
          label={t('form.unit')}
          isDisabled={service !== null}
          options={(['per_item', 'per_kg'] as const).map((unit) => ({ value: unit, label: t(`unit.${unit}`) }))}
        />
        <FormTextField control={form.control} name="price" label={t('form.price')} inputMode="decimal" autoComplete="off" />
        <FormTextField control={form.control} name="minimum" label={t('form.minimum')} description={t('form.minimumHint')} inputMode="decimal" autoComplete="off" />
        <FormTextField control={form.control} name="turnaround" label={t('form.turnaround')} description={t('form.turnaroundHint')} inputMode="numeric" autoComplete="off" />
        <FormSelectField
          control={form.control}
          name="expressKind"
          label={t('form.expressKind')}
          options={[
            { value: 'none', label: t('form.expressNone') },
            { value: 'percent', label: t('form.expressPercent') },
            { value: 'fixed', label: t('form.expressFixed') },
          ]}
        />
        {expressKind !== 'none' ? (
          <>
            <FormTextField
              control={form.control}
              name="expressValue"
              label={expressKind === 'percent' ? t('form.expressValuePercent') : t('form.expressValueFixed')}
              inputMode="decimal"
              autoComplete="off"
            />
            <FormTextField control={form.control} name="expressTurnaround" label={t('form.expressTurnaround')} inputMode="numeric" autoComplete="off" />
          </>
        ) : null}
        <div className="form-grid__wide">
          <FormTextArea control={form.control} name="description" label={t('form.description')} />
        </div>
      </div>
    </FormDialog>
  );
}
