import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/auth/account-strings';
import { Card } from '@/components/card';
import { LanguageSwitcher } from '@/components/language-switcher';
import { ErrorNotice, Notice } from '@/components/notice';
import { currentLocale } from '@/lib/i18n';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useChangeLanguage } from '@/features/auth/use-change-language';
import './profile-sections.css';

/**
 * The blocks every profile page has (staff, worker and client): the own details beside the facts only the
 * business changes, the language, and the password.
 */
export function DetailsSection({ title, lead, form, facts }: { title: string; lead?: string; form: ReactNode; facts: ReactNode }) {
  return (
    <Card id="profile-details" title={title} lead={lead}>
      <div className="detail-layout detail-layout--wide-side">
        {form}
        <dl className="readonly-list stack gap-3 panel">{facts}</dl>
      </div>
    </Card>
  );
}

export function LanguageSection() {
  const { t } = useTranslation('account');
  const language = useChangeLanguage();
  return (
    <Card id="profile-language" title={t('profile.languageTitle')} lead={t('profile.languageLead')}>
      <div className="stack stack--sm">
        <LanguageSwitcher value={currentLocale()} onChange={language.change} />
        <ErrorNotice error={language.error} />
        {language.status === 'success' ? <Notice tone="success">{t('profile.languageSaved')}</Notice> : null}
      </div>
    </Card>
  );
}

export function PasswordSection() {
  const { t } = useTranslation('account');
  const [changed, setChanged] = useState(false);
  return (
    <Card id="profile-password" title={t('profile.passwordTitle')} lead={t('profile.passwordLead')}>
      <div className="stack stack--sm profile-section__narrow">
        {changed ? <Notice tone="success">{t('changePassword.done')}</Notice> : null}
        <ChangePasswordForm onChanged={() => setChanged(true)} />
      </div>
    </Card>
  );
}
