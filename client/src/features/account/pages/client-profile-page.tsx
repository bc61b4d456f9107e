import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesSection } from '@/features/notifications/components/notification-preferences';
import { z } from 'zod';
import '@/features/account/self-service-strings';
import { DateOfBirth, Email, PersonName } from '@contracts/users';
import { FormDateField } from '@/components/date-fields';
import { Button } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { Icon } from '@/components/icon';
import { Card } from '@/components/card';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { SaveProblemNotice } from '@/components/version-conflict';
import { QueryView } from '@/components/states';
import { isApiError } from '@/lib/api-error';
import { applyServerFieldErrors, tokenResolver } from '@/lib/form-resolver';
import { formatPhone } from '@/lib/format';
import { DetailsSection, LanguageSection, PasswordSection } from '@/features/auth/components/profile-sections';
import { useExportOwnData } from '@/features/account/api/export-own-data';
import { useOwnProfile, type OwnProfile } from '@/features/account/api/get-own-profile';
import { useUpdateOwnProfile } from '@/features/account/api/update-own-profile';

const blank = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);
const DetailsForm = z.object({ name: PersonName, email: blank(Email), dateOfBirth: blank(DateOfBirth) });
type DetailsValues = z.input<typeof DetailsForm>;
const TOKENS = { email: 'format:email', dateOfBirth: 'format:date' };
const valuesOf = (p: OwnProfile): DetailsValues => ({ name: p.name, email: p.email ?? '', dateOfBirth: p.dateOfBirth ?? '' });

function OwnDetails({ profile, onReload }: { profile: OwnProfile; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('selfService');
  const update = useUpdateOwnProfile();
  const [general, setGeneral] = useState<unknown>(null);
  const form = useForm<DetailsValues>({ resolver: tokenResolver(DetailsForm, TOKENS), values: valuesOf(profile), resetOptions: { keepDirtyValues: false } });
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');

  const submit = form.handleSubmit((values) => {
    setGeneral(null);
    const dirty = form.formState.dirtyFields;
    const changes = {
      ...(dirty.name ? { name: values.name } : {}),
      ...(dirty.email ? { email: values.email || null } : {}),
      ...(dirty.dateOfBirth ? { dateOfBirth: values.dateOfBirth || null } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    update.mutate(
      { version: profile.version, ...changes },
      {
        onError: (error) => {
          if (!applyServerFieldErrors(error, form.setError, ['name', 'email', 'dateOfBirth'], TOKENS)) setGeneral(error);
        },
      },
    );
  });

  return (
    <DetailsSection
      title={t('detailsTitle')}
      lead={t('detailsLead')}
      form={
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <SaveProblemNotice conflict={conflict} message={t('conflict')} reloadLabel={t('reload')} onReload={() => onReload().then(() => update.reset())} error={general} />
          {update.isSuccess && !form.formState.isDirty ? <Notice tone="success">{t('saved')}</Notice> : null}
          <FormTextField control={form.control} name="name" label={t('name')} autoComplete="name" />
          <FormTextField control={form.control} name="email" label={t('email')} description={t('emailHelp')} type="email" inputMode="email" autoComplete="email" />
          <FormDateField control={form.control} name="dateOfBirth" label={t('dateOfBirth')} />
          <div>
            <Button type="submit" variant="primary" isPending={update.isPending} pendingLabel={t('saving')} isDisabled={conflict}>
              {t('save')}
            </Button>
          </div>
        </form>
      }
      facts={
        <>
          <div>
            <dt>{t('phone')}</dt>
            <dd>{formatPhone(profile.phone)}</dd>
          </div>
          <div>
            <dt>{t('nif')}</dt>
            <dd>{profile.nif ?? t('none')}</dd>
          </div>
          {profile.isEnterprise && profile.companyName ? (
            <div>
              <dt>{t('company')}</dt>
              <dd>{profile.companyName}</dd>
            </div>
          ) : null}
        </>
      }
    />
  );
}

function DataSection() {
  const { t } = useTranslation('selfService');
  const exporter = useExportOwnData();
  return (
    <Card id="own-data" title={t('dataTitle')} lead={t('dataLead')}>
      <div className="stack stack--sm">
        <ErrorNotice error={exporter.error} />
        <div>
          <Button onPress={() => exporter.mutate()} isPending={exporter.isPending} pendingLabel={t('downloading')}>
            <Icon name="download" size={18} />
            {t('download')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** The client's own profile: details (not phone or NIF), language, password, and a copy of their data. */
export default function ClientProfilePage() {
  const { t } = useTranslation('selfService');
  const profile = useOwnProfile();
  return (
    <>
      <PageHeader title={t('profileTitle')} lead={t('profileLead')} />
      <QueryView query={profile}>
        {(data) => (
          <div className="stack">
            <OwnDetails profile={data} onReload={() => profile.refetch()} />
            <LanguageSection />
            <NotificationPreferencesSection />
            <PasswordSection />
            <DataSection />
          </div>
        )}
      </QueryView>
    </>
  );
}
