import { useTranslation } from 'react-i18next';
import '@/features/home/home-strings';
import { EmptyState } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import { AccountCard } from '@/features/home/components/account-card';
import { GreetingHeader } from '@/features/home/components/greeting-header';
import './home.css';

export default function WorkerHomePage() {
  const { t } = useTranslation('home');
  const principal = usePrincipal();
  return (
    <>
      <GreetingHeader principal={principal} />
      <div className="stack">
        <EmptyState icon="calendar" title={t('workerEmptyTitle')}>
          {t('workerEmptyText')}
        </EmptyState>
        <AccountCard principal={principal} />
      </div>
    </>
  );
}
