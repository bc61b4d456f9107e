import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/account/self-service-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { ErrorNotice } from '@/components/notice';
import { useDocumentTitle } from '@/components/page-header';
import { TextInput } from '@/components/text-field';
import { useBusiness } from '@/lib/business';
import { currentLocale, setLocale } from '@/lib/i18n';
import { useForgotPassword } from '@/features/account/api/forgot-password';
import './account.css';
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
    <div className="page-center">
      <div className="page-center__top">
        <Link to="/" className="logo-link">
          <Logo />
        </Link>
        <LanguageSwitcher value={currentLocale()} onChange={(locale) => void setLocale(locale)} />
      </div>
      <main className="page-center__card card" id="main">
        <div className="icon-tile page-center__icon">
          <Icon name={forgot.isSuccess ? 'mail' : 'key'} size={26} />
        </div>
        {forgot.isSuccess ? (
          <>
            <h1 className="page-center__title">{t('sentTitle')}</h1>
            <p className="page-center__lead">{phone ? t('sentText', { phone: formatPhone(phone) }) : t('sentTextNoPhone')}</p>
          </>
        ) : (
          <>
            <h1 className="page-center__title">{t('forgotTitle')}</h1>
            <p className="page-center__lead">{t('forgotLead')}</p>
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
        <div className="page-center__footer">
          <BackLink to="/">{t('backToSignIn')}</BackLink>
        </div>
      </main>
    </div>
  );
}
