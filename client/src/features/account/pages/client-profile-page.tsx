import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesSection } from '@/features/notifications/components/notification-preferences';
import { z } from 'zod';
import '@/features/account/self-service-strings';
import { DateOfBirth, Email, PersonName } from '@contracts/users';
import { Button } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { Icon } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { ErrorState, PageLoader } from '@/components/states';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { applyServerFieldErrors, tokenResolver } from '@/lib/form-resolver';
import { currentLocale } from '@/lib/i18n';
import { displayPhone } from '@/lib/phone-display';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useChangeLanguage } from '@/features/auth/use-change-language';
import { useExportOwnData } from '@/features/account/api/export-own-data';
import { useOwnProfile, type OwnProfile } from '@/features/account/api/get-own-profile';
import { useUpdateOwnProfile } from '@/features/account/api/update-own-profile';
import './account.css';

const blank = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);
const DetailsForm = z.object({ name: PersonName, email: blank(Email), dateOfBirth: blank(DateOfBirth) });
type DetailsValues = z.input<typeof DetailsForm>;
const TOKENS = { email: 'format:email', dateOfBirth: 'format:date' };
const valuesOf = (p: OwnProfile): DetailsValues => ({ name: p.name, email: p.email ?? '', dateOfBirth: p.dateOfBirth ?? '' });

function DetailsSection({ profile, onReload }: { profile: OwnProfile; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('selfService');
  const describe = useDescribeError();
  const update = useUpdateOwnProfile();
  const [general, setGeneral] = useState<unknown>(null);
  const form = useForm<DetailsValues>({ resolver: tokenResolver(DetailsForm, TOKENS), values: valuesOf(profile), resetOptions: { keepDirtyValues: false } });
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');
  const failure = general && !conflict ? describe(general) : null;

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
    <section className="card" aria-labelledby="own-details">
      <div className="card__header">
        <h2 id="own-details" className="card__title">
          {t('detailsTitle')}
        </h2>
        <p className="card__lead">{t('detailsLead')}</p>
      </div>
      <div className="own-profile__grid">
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          {conflict ? (
            <Notice tone="warning">
              <p>{t('conflict')}</p>
              <p>
                <Button size="sm" onPress={() => void onReload().then(() => update.reset())}>
                  {t('reload')}
                </Button>
              </p>
            </Notice>
          ) : null}
          {failure ? (
            <Notice tone="danger" reference={failure.reference}>
              {failure.message}
            </Notice>
          ) : null}
          {update.isSuccess && !form.formState.isDirty ? <Notice tone="success">{t('saved')}</Notice> : null}
          <FormTextField control={form.control} name="name" label={t('name')} autoComplete="name" />
          <FormTextField control={form.control} name="email" label={t('email')} description={t('emailHelp')} type="email" inputMode="email" autoComplete="email" />
          <FormTextField control={form.control} name="dateOfBirth" label={t('dateOfBirth')} type="date" autoComplete="bday" />
          <div>
            <Button type="submit" variant="primary" isPending={update.isPending} pendingLabel={t('saving')} isDisabled={conflict}>
              {t('save')}
            </Button>
          </div>
        </form>
        <dl className="readonly-list own-profile__facts">
          <div>
            <dt>{t('phone')}</dt>
            <dd>{displayPhone(profile.phone)}</dd>
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
        </dl>
      </div>
    </section>
  );
}

function LanguageSection() {
  const { t } = useTranslation('selfService');
  const describe = useDescribeError();
  const language = useChangeLanguage();
  const failure = language.error ? describe(language.error) : null;
  return (
    <section className="card" aria-labelledby="own-language">
      <div className="card__header">
        <h2 id="own-language" className="card__title">
          {t('languageTitle')}
        </h2>
        <p className="card__lead">{t('languageLead')}</p>
      </div>
      <div className="stack stack--sm">
        <LanguageSwitcher value={currentLocale()} onChange={language.change} />
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        {language.status === 'success' ? <Notice tone="success">{t('languageSaved')}</Notice> : null}
      </div>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation('selfService');
  const [changed, setChanged] = useState(false);
  return (
    <section className="card" aria-labelledby="own-password">
      <div className="card__header">
        <h2 id="own-password" className="card__title">
          {t('passwordTitle')}
        </h2>
        <p className="card__lead">{t('passwordLead')}</p>
      </div>
      <div className="stack stack--sm own-profile__narrow">
        {changed ? <Notice tone="success">{t('passwordChanged')}</Notice> : null}
        <ChangePasswordForm onChanged={() => setChanged(true)} />
      </div>
    </section>
  );
}

function DataSection() {
  const { t } = useTranslation('selfService');
  const describe = useDescribeError();
  const exporter = useExportOwnData();
  const failure = exporter.error ? describe(exporter.error) : null;
  return (
    <section className="card" aria-labelledby="own-data">
      <div className="card__header">
        <h2 id="own-data" className="card__title">
          {t('dataTitle')}
        </h2>
        <p className="card__lead">{t('dataLead')}</p>
      </div>
      <div className="stack stack--sm">
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        <div>
          <Button onPress={() => exporter.mutate()} isPending={exporter.isPending} pendingLabel={t('downloading')}>
            <Icon name="download" size={18} />
            {t('download')}
          </Button>
        </div>
      </div>
    </section>
  );
}

/** The client's own profile: details (not phone or NIF), language, password, and a copy of their data. */
export default function ClientProfilePage() {
  const { t } = useTranslation('selfService');
  const profile = useOwnProfile();
  return (
    <>
      <PageHeader title={t('profileTitle')} lead={t('profileLead')} />
      {profile.isPending ? (
        <PageLoader />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <div className="stack">
          <DetailsSection profile={profile.data} onReload={() => profile.refetch()} />
          <LanguageSection />
          <NotificationPreferencesSection />
          <PasswordSection />
          <DataSection />
        </div>
      )}
    </>
  );
}
