import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesSection } from '@/features/notifications/components/notification-preferences';
import '@/features/auth/account-strings';
import { z } from 'zod';
import { UpdateProfileBody } from '@contracts/auth';
import { Button } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { formErrorMap } from '@/lib/form-validation';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useUpdateProfile } from '@/features/auth/api/update-profile';
import { DetailsSection, LanguageSection, PasswordSection } from '@/features/auth/components/profile-sections';
import { formatPhone } from '@/lib/format';

const NameForm = z.object({ name: UpdateProfileBody.shape.name.unwrap() });
type NameValues = z.infer<typeof NameForm>;

function NameSection() {
  const { t } = useTranslation('account');
  const principal = usePrincipal();
  const update = useUpdateProfile();
  const form = useForm<NameValues>({
    resolver: zodResolver(NameForm, { error: formErrorMap }),
    values: { name: principal.name },
  });
  const submit = form.handleSubmit((values) => {
    if (!update.isPending) update.mutate(values);
  });

  return (
    <DetailsSection
      title={t('profile.detailsTitle')}
      form={
        <form className="form" onSubmit={submit} noValidate>
          <ErrorNotice error={update.error} />
          {update.isSuccess && !form.formState.isDirty ? <Notice tone="success">{t('profile.nameSaved')}</Notice> : null}
          <FormTextField control={form.control} name="name" label={t('profile.name')} autoComplete="name" />
          <div>
            <Button type="submit" variant="primary" isPending={update.isPending} pendingLabel={t('profile.saving')}>
              {t('profile.saveName')}
            </Button>
          </div>
        </form>
      }
      facts={
        <>
          {principal.username ? (
            <div>
              <dt>{t('profile.username')}</dt>
              <dd>{principal.username}</dd>
            </div>
          ) : null}
          {principal.phone ? (
            <div>
              <dt>{t('profile.phone')}</dt>
              <dd>{formatPhone(principal.phone)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`roles.${principal.role}`)}</dd>
          </div>
        </>
      }
    />
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
