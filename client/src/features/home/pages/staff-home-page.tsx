import { useTranslation } from 'react-i18next';
import '@/features/dashboard/dashboard-strings';
import { usePrincipal } from '@/features/auth/api/get-session';
import { FinanceDashboard } from '@/features/dashboard/components/finance-dashboard';
import { GreetingHeader } from '@/features/home/components/greeting-header';

/** The staff home is the finance dashboard (master and admin): the day's and the month's figures. */
export default function StaffHomePage() {
  const { t } = useTranslation('dashboard');
  const principal = usePrincipal();
  return (
    <>
      <GreetingHeader principal={principal} lead={t('lead')} />
      <FinanceDashboard />
    </>
  );
}
