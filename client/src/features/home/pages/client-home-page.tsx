import { useTranslation } from 'react-i18next';
import '@/features/home/home-strings';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { EmptyState } from '@/components/states';
import { business } from '@/config/business';
import { usePrincipal } from '@/features/auth/api/get-session';
import { GreetingHeader } from '@/features/home/components/greeting-header';
import './home.css';

export default function ClientHomePage() {
  const { t } = useTranslation('home');
  const principal = usePrincipal();
  return (
    <>
      <GreetingHeader principal={principal} />
      <div className="stack">
        <EmptyState icon="basket" title={t('clientEmptyTitle')}>
          {t('clientEmptyText')}
        </EmptyState>
        <section className="card help-card" aria-labelledby="help-title">
          <h2 id="help-title" className="card__title">
            {t('helpTitle')}
          </h2>
          <p className="help-card__text">{t('helpText')}</p>
          <div className="cluster">
            <ButtonLink href={business.phoneHref} variant="primary">
              <Icon name="phone" size={18} />
              {t('call', { phone: business.phone })}
            </ButtonLink>
            <ButtonLink href={`mailto:${business.email}`} variant="secondary">
              <Icon name="mail" size={18} />
              {t('write')}
            </ButtonLink>
          </div>
        </section>
      </div>
    </>
  );
}
