import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { District, DISTRICTS, PostalCode, PropertyType, PROPERTY_TYPES } from '@contracts/properties';
import { FormDialog } from '@/components/dialog';
import { FormCheckbox, FormSelectField, FormTextArea } from '@/components/fields';
import { FormTextField } from '@/components/form-fields';
import { SaveProblemNotice, useVersionedForm } from '@/components/version-conflict';
import { api } from '@/lib/api-client';
import type { Property } from '@/features/clients/api/list-properties';
import { usePropertyAction } from '@/features/clients/api/property-actions';
import { useCreateProperty, useUpdateProperty } from '@/features/clients/api/save-property';
import { DISTRICT_NAMES } from '@/features/clients/districts';

const PropertyForm = z.object({
  name: z.string().trim().min(1).max(120),
  addressLine1: z.string().trim().min(1).max(200),
  addressLine2: z.string().trim().max(200),
  city: z.string().trim().min(1).max(100),
  postalCode: PostalCode,
  district: District,
  propertyType: PropertyType,
  accessInstructions: z.string().trim().max(2000),
  isPrimary: z.boolean(),
});
type PropertyValues = z.input<typeof PropertyForm>;
const FIELDS = Object.keys(PropertyForm.shape);
const TOKENS = { postalCode: 'format:postalCode' };
const NULLABLE = new Set(['addressLine2', 'accessInstructions']);

function valuesOf(property: Property | null): PropertyValues {
  return {
    name: property?.name ?? '',
    addressLine1: property?.addressLine1 ?? '',
    addressLine2: property?.addressLine2 ?? '',
    city: property?.city ?? '',
    postalCode: property?.postalCode ?? '',
    district: property?.district ?? 'lisboa',
    propertyType: property?.propertyType ?? 'apartamento',
    accessInstructions: property?.accessInstructions ?? '',
    isPrimary: false,
  };
}

/** Add a property to a client, or edit one (with the version it was read at). */
export function PropertyFormDialog({ clientId, property, hasPrimary, onClose }: { clientId: number; property: Property | null; hasPrimary: boolean; onClose: () => void }) {
  const { t } = useTranslation('clients');
  const create = useCreateProperty(clientId);
  const update = useUpdateProperty(clientId);
  const action = usePropertyAction(clientId);
  const mutation = property ? update : create;
  const { form, base, conflict, generalError, clearError, fail, reload, reloading } = useVersionedForm({
    record: property,
    schema: PropertyForm,
    tokens: TOKENS,
    fields: FIELDS,
    valuesOf,
    mutationError: mutation.error,
    fetchFresh: (current) => api.get<Property>(`/api/properties/${current.id}`),
    resetSave: update.reset,
  });

  const submit = form.handleSubmit((values) => {
    clearError();
    const text = (key: keyof PropertyValues) => {
      const value = values[key] as string;
      return NULLABLE.has(key) && !value ? null : value;
    };
    if (!base) {
      create.mutate(
        {
          clientId,
          input: {
            name: values.name,
            addressLine1: values.addressLine1,
            addressLine2: text('addressLine2') as string | null,
            city: values.city,
            postalCode: values.postalCode,
            district: values.district,
            propertyType: values.propertyType,
            accessInstructions: text('accessInstructions') as string | null,
          },
        },
        {
          onSuccess: async (created) => {
            // Created as a secondary (asking for a second primary is refused), then promoted.
            if (hasPrimary && values.isPrimary) await action.mutateAsync({ id: created.id, action: 'make-primary' }).catch(() => undefined);
            onClose();
          },
          onError: fail,
        },
      );
      return;
    }
    const dirty = form.formState.dirtyFields as Partial<Record<keyof PropertyValues, boolean>>;
    const changes = Object.fromEntries((Object.keys(dirty) as (keyof PropertyValues)[]).filter((key) => dirty[key] && key !== 'isPrimary').map((key) => [key, text(key)]));
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: base.id, input: { version: base.version, ...changes } }, { onSuccess: onClose, onError: fail });
  });

  const optional = (label: string) => `${label} (${t('optional', { ns: 'ui' })})`;

  return (
    <FormDialog
      onClose={onClose}
      title={base ? t('editPropertyTitle') : t('addPropertyTitle')}
      size="lg"
      onSubmit={submit}
      confirmLabel={base ? t('save', { ns: 'ui' }) : t('addProperty')}
      pendingLabel={t('saving', { ns: 'ui' })}
      isPending={mutation.isPending}
      isDisabled={conflict}
    >
      <SaveProblemNotice conflict={conflict} message={t('propertyConflict')} reloadLabel={t('reloadProperty')} onReload={reload} isReloading={reloading} error={generalError} />
      <div className="form-grid">
        <FormTextField control={form.control} name="name" label={t('propertyName')} description={t('propertyNameHelp')} autoComplete="off" />
        <FormSelectField
          control={form.control}
          name="propertyType"
          label={t('propertyType')}
          options={PROPERTY_TYPES.map((type) => ({ value: type, label: t(`propertyTypes.${type}`) }))}
        />
        <div className="form-grid__wide">
          <FormTextField control={form.control} name="addressLine1" label={t('addressLine1')} autoComplete="off" />
        </div>
        <div className="form-grid__wide">
          <FormTextField control={form.control} name="addressLine2" label={optional(t('addressLine2'))} autoComplete="off" />
        </div>
        <FormTextField control={form.control} name="postalCode" label={t('postalCode')} placeholder="1200-195" inputMode="numeric" autoComplete="off" />
        <FormTextField control={form.control} name="city" label={t('city')} autoComplete="off" />
        <FormSelectField control={form.control} name="district" label={t('district')} options={DISTRICTS.map((district) => ({ value: district, label: DISTRICT_NAMES[district] }))} />
        <div className="form-grid__wide">
          <FormTextArea control={form.control} name="accessInstructions" label={optional(t('accessInstructions'))} description={t('accessHelp')} />
        </div>
        {!base && hasPrimary ? (
          <div className="form-grid__wide">
            <FormCheckbox control={form.control} name="isPrimary">
              {t('makeMainAtCreate')}
            </FormCheckbox>
          </div>
        ) : null}
      </div>
    </FormDialog>
  );
}
