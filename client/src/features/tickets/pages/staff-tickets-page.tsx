import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { PageHeader } from '@/components/page-header';

export default function Page() {
  const { t } = useTranslation('tickets');
  return <PageHeader title={t('title')} />;
}
