import { useTranslation } from 'react-i18next';
import '@/features/reports/reports-strings';
import { PageHeader } from '@/components/page-header';

export default function Page() {
  const { t } = useTranslation('reports');
  return <PageHeader title={t('title')} />;
}
