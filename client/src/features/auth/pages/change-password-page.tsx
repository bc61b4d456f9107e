import { useTranslation } from 'react-i18next';
import '@/features/auth/account-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { useDocumentTitle } from '@/components/page-header';
import { currentLocale, setLocale } from '@/lib/i18n';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useSignOut } from '@/features/auth/api/logout';
import { usePrincipal } from '@/features/auth/api/get-session';

/**
 * The forced change after signing in with a temporary password. Until it is done the server refuses
 * everything else (403 PASSWORD_CHANGE_REQUIRED); once done, the guard takes the user on.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('changePassword.title'));
  const principal = usePrincipal();
  const { signOut, isPending } = useSignOut();

  return (
    <div className="page-center">
      <div className="page-center__top cluster cluster--spread gap-4">
        <Logo />
        {/* Local only: the account's language cannot be saved before the password is changed. */}
        <LanguageSwitcher value={currentLocale()} onChange={(locale) => void setLocale(locale)} />
      </div>
      <main className="page-center__card card" id="main">
        <div className="icon-tile page-center__icon">
          <Icon name="lock" size={26} />
        </div>
        <h1 className="page-center__title">{t('changePassword.title')}</h1>
        <p className="page-center__lead muted">{t('changePassword.forcedLead')}</p>
        <p className="page-center__account">
          <Icon name="user" size={16} />
          <span>{principal.name}</span>
        </p>
        <ChangePasswordForm forced />
        <div className="page-center__footer cluster justify-center">
          <Button
            variant="ghost"
            size="sm"
            isPending={isPending}
            onPress={() => void signOut()}
          >
            <Icon name="logOut" size={16} />
            {t('changePassword.signOutInstead')}
          </Button>
        </div>
      </main>
    </div>
  );
}
