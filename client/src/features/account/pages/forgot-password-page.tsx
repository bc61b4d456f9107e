import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/account/self-service-strings';
import { Button } from '@/components/button';
import { ErrorNotice } from '@/components/notice';
import { SingleCardHeading, SingleCardPage } from '@/components/single-card-page';
import { useDocumentTitle } from '@/components/page-header';
import { TextInput } from '@/components/text-field';
import { useBusiness } from '@/lib/business';
import { useForgotPassword } from '@/features/account/api/forgot-password';
import { formatPhone } from '@/lib/format';
import { BackLink } from '@/components/back-link';

/** "Forgot password": asks for a reset link by e-mail; the answer never says whether an account exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('selfService');
  useDocumentTitle(t('forgotTitle'));
  const forgot = useForgotPassword();
  const phone = useBusiness()?.phone;
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = identifier.trim();
    setMissing(value === '');
    if (value && !forgot.isPending) forgot.mutate(value);
  };

  return (
    <SingleCardPage languages footer={<BackLink to="/">{t('backToSignIn')}</BackLink>}>
      {forgot.isSuccess ? (
        <SingleCardHeading icon="mail" title={t('sentTitle')} lead={phone ? t('sentText', { phone: formatPhone(phone) }) : t('sentTextNoPhone')} />
      ) : (
        <>
          <SingleCardHeading icon="key" title={t('forgotTitle')} lead={t('forgotLead')} />
          <form className="form" onSubmit={submit} noValidate>
            <ErrorNotice error={forgot.error} />
            <TextInput
              label={t('identifier')}
              value={identifier}
              onChange={(value) => (setIdentifier(value), setMissing(false))}
              autoComplete="username"
              autoCapitalize="none"
              errorMessage={missing ? t('validation.required', { ns: 'translation' }) : undefined}
            />
            <Button type="submit" variant="primary" size="lg" block isPending={forgot.isPending} pendingLabel={t('sending')}>
              {t('send')}
            </Button>
          </form>
        </>
      )}
    </SingleCardPage>
  );
}
