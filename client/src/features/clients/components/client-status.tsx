import { useTranslation } from 'react-i18next';
import type { Client } from '@/features/clients/api/list-clients';

export function ClientStatus({ client }: { client: Pick<Client, 'isActive' | 'anonymizedAt' | 'mustChangePassword'> }) {
  const { t } = useTranslation('clients');
  if (client.anonymizedAt) return <span className="badge">{t('anonymised')}</span>;
  if (!client.isActive) return <span className="badge badge--danger">{t('inactive', { ns: 'ui' })}</span>;
  if (client.mustChangePassword) return <span className="badge badge--warning">{t('mustChange')}</span>;
  return <span className="badge badge--success">{t('active', { ns: 'ui' })}</span>;
}
