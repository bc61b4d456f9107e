import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesSection } from '@/features/notifications/components/notification-preferences';
import '@/features/auth/account-strings';
import { z } from 'zod';
import { UpdateProfileBody } from '@contracts/auth';
import { Button } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { useDescribeError } from '@/lib/error-message';
import { formErrorMap } from '@/lib/form-validation';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useUpdateProfile } from '@/features/auth/api/update-profile';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useChangeLanguage } from '@/features/auth/use-change-language';
import './profile-page.css';
import { displayPhone } from '@/lib/phone-display';

const NameForm = z.object({ name: UpdateProfileBody.shape.name.unwrap() });
type NameValues = z.infer<typeof NameForm>;

function NameSection() {
  const { t } = useTranslation('account');
  const principal = usePrincipal();
  const describe = useDescribeError();
  const update = useUpdateProfile();
  const form = useForm<NameValues>({
    resolver: zodResolver(NameForm, { error: formErrorMap }),
    values: { name: principal.name },
  });
  const submit = form.handleSubmit((values) => {
    if (!update.isPending) update.mutate(values);
  });
  const failure = update.error ? describe(update.error) : null;

  return (
    <section className="card profile-section" aria-labelledby="profile-details">
      <div className="card__header">
        <h2 id="profile-details" className="card__title">
          {t('profile.detailsTitle')}
        </h2>
      </div>
      <div className="profile-section__body">
        <form className="form" onSubmit={submit} noValidate>
          {failure ? (
            <Notice tone="danger" reference={failure.reference}>
              {failure.message}
            </Notice>
          ) : null}
          {update.isSuccess && !form.formState.isDirty ? <Notice tone="success">{t('profile.nameSaved')}</Notice> : null}
          <FormTextField control={form.control} name="name" label={t('profile.name')} autoComplete="name" />
          <div>
            <Button type="submit" variant="primary" isPending={update.isPending} pendingLabel={t('profile.saving')}>
              {t('profile.saveName')}
            </Button>
          </div>
        </form>
        <dl className="readonly-list profile-section__facts">
          {principal.username ? (
            <div>
              <dt>{t('profile.username')}</dt>
              <dd>{principal.username}</dd>
            </div>
          ) : null}
          {principal.phone ? (
            <div>
              <dt>{t('profile.phone')}</dt>
              <dd>{displayPhone(principal.phone)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`roles.${principal.role}`)}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

function LanguageSection() {
  const { t } = useTranslation('account');
  const describe = useDescribeError();
  const language = useChangeLanguage();
  const failure = language.error ? describe(language.error) : null;
  return (
    <section className="card profile-section" aria-labelledby="profile-language">
      <div className="card__header">
        <h2 id="profile-language" className="card__title">
          {t('profile.languageTitle')}
        </h2>
        <p className="card__lead">{t('profile.languageLead')}</p>
      </div>
      <div className="stack stack--sm">
        <LanguageSwitcher value={currentLocale()} onChange={language.change} />
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        {language.status === 'success' ? <Notice tone="success">{t('profile.languageSaved')}</Notice> : null}
      </div>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation('account');
  const [changed, setChanged] = useState(false);
  return (
    <section className="card profile-section" aria-labelledby="profile-password">
      <div className="card__header">
        <h2 id="profile-password" className="card__title">
          {t('profile.passwordTitle')}
        </h2>
        <p className="card__lead">{t('profile.passwordLead')}</p>
      </div>
      <div className="stack stack--sm profile-section__narrow">
        {changed ? <Notice tone="success">{t('changePassword.done')}</Notice> : null}
        <ChangePasswordForm onChanged={() => setChanged(true)} />
      </div>
    </section>
  );
}

/** The own account: name, language, e-mail notifications and password. The same page in every shell. */
export default function ProfilePage() {
  const { t } = useTranslation('account');
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead')} />
      <div className="stack">
        <NameSection />
        <LanguageSection />
        <NotificationPreferencesSection />
        <PasswordSection />
      </div>
    </>
  );
}
