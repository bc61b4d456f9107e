import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Locale } from '@contracts/auth';
import { ClientBilling, CompanyName, Notes } from '@contracts/clients';
import { DateOfBirth, Email, Nif, PersonName, PhoneInput } from '@contracts/users';
import { FormDateField } from '@/components/date-fields';
import { FormDialog } from '@/components/dialog';
import { FormCheckbox, FormSelectField, FormTextArea } from '@/components/fields';
import { FormTextField } from '@/components/form-fields';
import { SaveProblemNotice, useVersionedForm } from '@/components/version-conflict';
import { blankOr as blank, orNull } from '@/lib/form-resolver';
import { useCreateClient, type ClientWithTemporaryPassword } from '@/features/clients/api/create-client';
import { getClient } from '@/features/clients/api/get-client';
import { useUpdateClient } from '@/features/clients/api/update-client';
import type { Client } from '@/features/clients/api/list-clients';

const ClientForm = z
  .object({
    isEnterprise: z.boolean(),
    companyName: blank(CompanyName),
    name: PersonName,
    phone: PhoneInput,
    email: blank(Email),
    nif: blank(Nif),
    dateOfBirth: blank(DateOfBirth),
    notes: blank(Notes),
    locale: Locale,
    billing: ClientBilling,
    remindersExcluded: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (values.isEnterprise && !values.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'required' });
  });
type ClientValues = z.input<typeof ClientForm>;
const FIELDS = ['isEnterprise', 'companyName', 'name', 'phone', 'email', 'nif', 'dateOfBirth', 'notes', 'locale', 'billing', 'remindersExcluded'];
const TOKENS = { phone: 'format:phone', email: 'format:email', nif: 'format:nif', dateOfBirth: 'format:date' };
const NULLABLE = new Set(['companyName', 'email', 'nif', 'dateOfBirth', 'notes']);

function valuesOf(client: Client | null): ClientValues {
  return {
    isEnterprise: client?.isEnterprise ?? false,
    companyName: client?.companyName ?? '',
    name: client?.name ?? '',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    nif: client?.nif ?? '',
    dateOfBirth: client?.dateOfBirth ?? '',
    notes: client?.notes ?? '',
    locale: client?.locale ?? 'pt',
    billing: client?.billing ?? 'per_document',
    remindersExcluded: client?.remindersExcluded ?? false,
  };
}

/** Create a client (individual or company), or edit one with the version it was read at. */
export function ClientFormDialog({ client, onClose, onCreated }: { client: Client | null; onClose: () => void; onCreated?: (result: ClientWithTemporaryPassword) => void }) {
  const { t } = useTranslation('clients');
  const create = useCreateClient();
  const update = useUpdateClient();
  const mutation = client ? update : create;
  const { form, base, conflict, generalError, clearError, fail, reload, reloading } = useVersionedForm({
    record: client,
    schema: ClientForm,
    tokens: TOKENS,
    fields: FIELDS,
    valuesOf,
    mutationError: mutation.error,
    fetchFresh: (current) => getClient(current.id),
    resetSave: update.reset,
  });
  const isEnterprise = form.watch('isEnterprise');

  const submit = form.handleSubmit((values) => {
    clearError();
    const companyName = values.isEnterprise ? orNull(values.companyName) : null;
    if (!base) {
      create.mutate(
        {
          isEnterprise: values.isEnterprise,
          companyName,
          name: values.name,
          phone: values.phone,
          email: orNull(values.email),
          nif: orNull(values.nif),
          dateOfBirth: orNull(values.dateOfBirth),
          notes: orNull(values.notes),
          locale: values.locale,
          billing: values.billing,
          remindersExcluded: values.remindersExcluded,
        },
        { onSuccess: (result) => onCreated?.(result), onError: fail },
      );
      return;
    }
    const dirty = form.formState.dirtyFields as Partial<Record<keyof ClientValues, boolean>>;
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(dirty) as (keyof ClientValues)[]) {
      if (!dirty[key]) continue;
      changes[key] = key === 'companyName' ? companyName : NULLABLE.has(key) ? orNull(values[key] as string) : values[key];
    }
    // Turning a company back into an individual also clears the company name.
    if (dirty.isEnterprise && !values.isEnterprise) changes.companyName = null;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: base.id, input: { version: base.version, ...changes } }, { onSuccess: onClose, onError: fail });
  });

  const optional = (label: string) => `${label} (${t('optional', { ns: 'ui' })})`;

  return (
    <FormDialog
      onClose={onClose}
      title={base ? t('editTitle') : t('createTitle')}
      description={base ? undefined : t('createLead')}
      size="lg"
      onSubmit={submit}
      confirmLabel={base ? t('save', { ns: 'ui' }) : t('create')}
      pendingLabel={base ? t('saving', { ns: 'ui' }) : t('creating')}
      isPending={mutation.isPending}
      isDisabled={conflict}
    >
      <SaveProblemNotice conflict={conflict} message={t('conflict')} reloadLabel={t('reloadClient')} onReload={reload} isReloading={reloading} error={generalError} />
      <FormCheckbox control={form.control} name="isEnterprise" description={t('isEnterpriseHelp')}>
        {t('isEnterprise')}
      </FormCheckbox>
      <div className="form-grid">
        {isEnterprise ? (
          <div className="form-grid__wide">
            <FormTextField control={form.control} name="companyName" label={t('companyName')} autoComplete="off" />
          </div>
        ) : null}
        <FormTextField control={form.control} name="name" label={isEnterprise ? t('contactName') : t('name')} autoComplete="off" />
        <FormTextField control={form.control} name="phone" label={t('phone')} description={t('phoneHelp')} type="tel" inputMode="tel" autoComplete="off" />
        <FormTextField control={form.control} name="email" label={optional(t('email'))} type="email" inputMode="email" autoComplete="off" />
        <FormTextField control={form.control} name="nif" label={optional(t('nif'))} description={t('nifHelp')} inputMode="numeric" autoComplete="off" />
        <FormDateField control={form.control} name="dateOfBirth" label={optional(t('dateOfBirth'))} />
        <FormSelectField
          control={form.control}
          name="locale"
          label={t('language')}
          options={[
            { value: 'pt', label: t('language.pt', { ns: 'translation' }) },
            { value: 'en', label: t('language.en', { ns: 'translation' }) },
          ]}
        />
        <FormSelectField
          control={form.control}
          name="billing"
          label={t('billing')}
          description={t('billingHelp')}
          options={[
            { value: 'per_document', label: t('billingMode.per_document') },
            { value: 'monthly', label: t('billingMode.monthly') },
          ]}
        />
        <div className="form-grid__wide">
          <FormTextArea control={form.control} name="notes" label={optional(t('notes'))} description={t('notesHelp')} />
        </div>
      </div>
      <FormCheckbox control={form.control} name="remindersExcluded" description={t('remindersExcludedHelp')}>
        {t('remindersExcluded')}
      </FormCheckbox>
    </FormDialog>
  );
}
