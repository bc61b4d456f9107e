import { useTranslation } from 'react-i18next';
import '@/features/home/home-strings';
import { Icon, type IconName } from '@/components/icon';
import { usePrincipal, type Role } from '@/features/auth/api/get-session';
import type { homeEn } from '@/features/home/home-strings';
import { AccountCard } from '@/features/home/components/account-card';
import { GreetingHeader } from '@/features/home/components/greeting-header';
import './home.css';

type HomeKey = keyof typeof homeEn;

/** The management areas still to come (PRODUCT §5), so the first screen is honest about what exists. */
const COMING: { icon: IconName; title: HomeKey; text: HomeKey; roles?: Role[] }[] = [
  { icon: 'users', title: 'areaClients', text: 'areaClientsText' },
  { icon: 'basket', title: 'areaLaundry', text: 'areaLaundryText' },
  { icon: 'sparkles', title: 'areaCleaning', text: 'areaCleaningText' },
  { icon: 'wallet', title: 'areaFinance', text: 'areaFinanceText' },
  { icon: 'building', title: 'areaTeam', text: 'areaTeamText' },
  { icon: 'sliders', title: 'areaSettings', text: 'areaSettingsText', roles: ['master'] },
];

export default function StaffHomePage() {
  const { t } = useTranslation('home');
  const principal = usePrincipal();
  const areas = COMING.filter((area) => !area.roles || area.roles.includes(principal.role));
  return (
    <>
      <GreetingHeader principal={principal} />
      <div className="home-grid">
        <section className="card" aria-labelledby="coming-title">
          <div className="card__header">
            <h2 id="coming-title" className="card__title">
              {t('comingTitle')}
            </h2>
            <p className="card__lead">{t('comingLead')}</p>
          </div>
          <ul role="list" className="area-list">
            {areas.map((area) => (
              <li key={area.title} className="area">
                <span className="area__icon">
                  <Icon name={area.icon} size={20} />
                </span>
                <p className="area__title">
                  {t(area.title)}
                  <span className="badge badge--accent">{t('comingSoon')}</span>
                </p>
                <p className="area__text">{t(area.text)}</p>
              </li>
            ))}
          </ul>
        </section>
        <AccountCard principal={principal} />
      </div>
    </>
  );
}
