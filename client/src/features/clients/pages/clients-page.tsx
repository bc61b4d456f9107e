import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '@/features/clients/clients-strings';
import { Button } from '@/components/button';
import { CsvExportButton } from '@/components/csv-export';
import { DialogActions, ModalDialog } from '@/components/dialog';
import { ActiveSelect } from '@/components/fields';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { SearchInput } from '@/components/search-input';
import { SecretReveal } from '@/components/secret-reveal';
import { PagedTableCard } from '@/components/table-card';
import { formatDate, formatPhone } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useClients, type Client, type ClientFilters } from '@/features/clients/api/list-clients';
import type { ClientWithTemporaryPassword } from '@/features/clients/api/create-client';
import { ClientFormDialog } from '@/features/clients/components/client-form-dialog';
import { ClientStatus } from '@/features/clients/components/client-status';
import '@/components/kit.css';
import './clients.css';

/** Clients: search by name, company, phone, NIF or e-mail; create with the temporary password shown once. */
export default function ClientsPage() {
  const { t } = useTranslation('clients');
  const navigate = useNavigate();
  const locale = currentLocale();
  const [filters, setFilters] = useState<ClientFilters>({ search: '', active: 'true', offset: 0 });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ClientWithTemporaryPassword | null>(null);
  const clients = useClients(filters);
  const onSearch = useCallback((search: string) => setFilters((f) => ({ ...f, search, offset: 0 })), []);
  const detail = (client: Client, addProperty = false) => `${client.id}${addProperty ? '?addProperty=1' : ''}`;

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <>
            <CsvExportButton path="/api/exports/clients.csv" params={{ active: filters.active || undefined }} />
            <Button variant="primary" onPress={() => setCreating(true)}>
              <Icon name="plus" size={18} />
              {t('add')}
            </Button>
          </>
        }
      />
      <div className="toolbar" role="search">
        <SearchInput label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={filters.search} onChange={onSearch} />
        <ActiveSelect label={t('statusFilter')} value={filters.active} onChange={(active) => setFilters((f) => ({ ...f, active, offset: 0 }))} />
      </div>

      <PagedTableCard
        query={clients}
        empty={{ icon: 'users', title: t('emptyTitle'), text: t('emptyText'), actions: <Button onPress={() => setCreating(true)}>{t('add')}</Button> }}
        caption={t('title')}
        columns={[t('name'), t('phone'), t('nif'), t('status'), t('since')]}
        row={(client) => (
          <tr key={client.id}>
            <td className="cell-main" data-label={t('name')}>
              <div className="cell-primary">
                <Link to={detail(client)} className="cell-primary__title" translate="no">
                  {client.isEnterprise && client.companyName ? client.companyName : client.name}
                </Link>
                <span className="cell-primary__sub">
                  {client.isEnterprise && client.companyName ? <span translate="no">{`${client.name} · `}</span> : null}
                  {client.email ? <span translate="no">{client.email}</span> : client.isEnterprise ? t('enterprise') : t('individual')}
                </span>
              </div>
            </td>
            <td data-label={t('phone')}>{formatPhone(client.phone)}</td>
            <td data-label={t('nif')}>{client.nif ?? t('none')}</td>
            <td data-label={t('status')}>
              <ClientStatus client={client} />
            </td>
            <td data-label={t('since')}>{formatDate(client.createdAt, locale, 'medium')}</td>
          </tr>
        )}
        onOffsetChange={(offset) => setFilters((f) => ({ ...f, offset }))}
      />

      {creating ? <ClientFormDialog client={null} onClose={() => setCreating(false)} onCreated={(result) => (setCreating(false), setCreated(result))} /> : null}
      {created ? (
        <ModalDialog
          isOpen
          onOpenChange={(open) => !open && setCreated(null)}
          title={t('createdTitle')}
          description={t('createdLead', { name: created.client.name, phone: formatPhone(created.client.phone) })}
          isDismissable={false}
        >
          <SecretReveal label={t('temporaryPassword')} value={created.temporaryPassword} />
          <DialogActions>
            <Button onPress={() => void navigate(detail(created.client))}>{t('done')}</Button>
            <Button variant="primary" onPress={() => void navigate(detail(created.client, true))}>
              <Icon name="mapPin" size={18} />
              {t('addPropertyNow')}
            </Button>
          </DialogActions>
        </ModalDialog>
      ) : null}
    </>
  );
}
