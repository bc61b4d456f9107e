import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Card } from '@/components/card';
import { profilePath } from '@/app/paths';
import { initials } from '@/lib/initials';
import '@/features/home/home-strings';
import type { Principal } from '@/features/auth/api/get-session';
import { formatPhone } from '@/lib/format';

/** Who is signed in, with the way to the profile. */
export function AccountCard({ principal }: { principal: Principal }) {
  const { t } = useTranslation('home');
  return (
    <Card id="account-card-title" title={t('accountTitle')} className="stack gap-5">
      <div className="account-card__who">
        <span className="avatar avatar--lg" aria-hidden="true">
          {initials(principal.name)}
        </span>
        <div className="account-card__text">
          <p className="account-card__name">{principal.name}</p>
          <p className="account-card__id">{principal.username ?? (principal.phone ? formatPhone(principal.phone) : null)}</p>
          <span className="badge badge--primary">{t(`roles.${principal.role}`)}</span>
        </div>
      </div>
      <ButtonLink href={profilePath(principal.role)} variant="soft" block>
        <Icon name="user" size={18} />
        {t('editProfile')}
      </ButtonLink>
    </Card>
  );
}
