import { useTranslation } from 'react-i18next';
import '@/features/auth/account-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { useDocumentTitle } from '@/components/page-header';
import { SingleCardHeading, SingleCardPage } from '@/components/single-card-page';
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

  // Languages are local only: the account's language cannot be saved before the password is changed.
  return (
    <SingleCardPage
      languages
      homeLink={false}
      footer={
        <Button variant="ghost" size="sm" isPending={isPending} onPress={() => void signOut()}>
          <Icon name="logOut" size={16} />
          {t('changePassword.signOutInstead')}
        </Button>
      }
    >
      <SingleCardHeading icon="lock" title={t('changePassword.title')} lead={t('changePassword.forcedLead')} />
      <p className="badge badge--lg page-center__account">
        <Icon name="user" size={16} />
        <span>{principal.name}</span>
      </p>
      <ChangePasswordForm forced />
    </SingleCardPage>
  );
}
