import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/clients/clients-strings';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog, DialogActions, ModalDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { SecretReveal } from '@/components/secret-reveal';
import { ErrorState, QueryFallback } from '@/components/states';
import { ApiError } from '@/lib/api-error';
import { formatDate, formatDateTime, formatPhone } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAnonymiseClient } from '@/features/clients/api/anonymise-client';
import { useCreateResetLink } from '@/features/clients/api/create-reset-link';
import { useExportClient } from '@/features/clients/api/export-client';
import { useClient } from '@/features/clients/api/get-client';
import type { Client } from '@/features/clients/api/list-clients';
import { useResetClientPassword } from '@/features/clients/api/reset-client-password';
import { useSetClientActive } from '@/features/clients/api/set-client-active';
import { ClientFormDialog } from '@/features/clients/components/client-form-dialog';
import { ClientStatus } from '@/features/clients/components/client-status';
import { PropertiesCard } from '@/features/clients/components/properties-card';
import { ClientPricesCard } from '@/features/client-prices/components/client-prices-card';
import { ClientAccountCard } from '@/features/accounts/components/client-account-card';
import '@/components/kit.css';
import './clients.css';

type Dialog = 'edit' | 'reset' | 'link' | 'deactivate' | 'anonymise' | null;
type Secret = { title: string; lead: string; label: string; value: string } | null;

function Facts({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const locale = currentLocale();
  const none = t('none');
  // The third value marks the client's own data (an address), the same in every language.
  const rows: [string, string, boolean?][] = [
    [t('phone'), formatPhone(client.phone)],
    [t('email'), client.email ?? none, Boolean(client.email)],
    [t('nif'), client.nif ?? none],
    [t('dateOfBirth'), client.dateOfBirth ? formatDate(`${client.dateOfBirth}T12:00:00Z`, locale, 'long') : none],
    [t('kind'), client.isEnterprise ? t('enterprise') : t('individual')],
    [t('language'), t(`language.${client.locale}`, { ns: 'translation' })],
    [t('billing'), t(`billingMode.${client.billing}`)],
    [t('reminders'), client.remindersExcluded ? t('remindersOff') : t('remindersOn')],
    [t('lastLogin'), client.lastLoginAt ? formatDateTime(client.lastLoginAt, locale, 'short') : t('never')],
    [t('created'), formatDate(client.createdAt, locale, 'medium')],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value, data]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd translate={data ? 'no' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One client: details, properties, account actions, and the GDPR export and erasure. */
export default function ClientDetailPage() {
  const { t } = useTranslation('clients');
  const locale = currentLocale();
  const params = useParams();
  const [search] = useSearchParams();
  const id = /^[1-9]\d{0,14}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const client = useClient(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<Secret>(null);
  const setActive = useSetClientActive();
  const reset = useResetClientPassword();
  const link = useCreateResetLink();
  const exporter = useExportClient();
  const anonymise = useAnonymiseClient();
  const close = () => {
    setDialog(null);
    for (const mutation of [setActive, reset, link, anonymise]) mutation.reset();
  };

  if (id === 0) return <ErrorState error={new ApiError(404, 'NOT_FOUND', 'Not found', '')} />;
  if (!client.isSuccess) return <QueryFallback query={client} />;
  const c = client.data;
  const anonymised = c.anonymizedAt !== null;
  const title = c.isEnterprise && c.companyName ? c.companyName : c.name;
  const actionError = [setActive.error, exporter.error].find(Boolean);

  return (
    <>
      <Link to=".." relative="path" className="back-link">
        <Icon name="chevronLeft" size={16} />
        {t('back')}
      </Link>
      <PageHeader
        title={title}
        dataTitle
        lead={
          <span className="cluster gap-2">
            {c.isEnterprise && c.companyName ? <span translate="no">{c.name}</span> : null}
            <ClientStatus client={c} />
          </span>
        }
        actions={
          anonymised ? null : (
            <Button variant="primary" onPress={() => setDialog('edit')}>
              <Icon name="pencil" size={18} />
              {t('edit')}
            </Button>
          )
        }
      />
      <div className="detail-layout">
        <div className="stack">
          {anonymised ? <Notice tone="info">{t('anonymisedNotice', { date: formatDate(c.anonymizedAt!, locale, 'long') })}</Notice> : null}
          {!anonymised && !c.isActive ? <Notice tone="warning">{t('inactiveNotice')}</Notice> : null}
          <ErrorNotice error={actionError && !dialog ? actionError : null} />
          <Card id="details-title" title={t('details')}>
            <Facts client={c} />
            {c.notes ? (
              <div className="stack stack--sm client-notes">
                <h3 className="card__lead muted text-sm">{t('notes')}</h3>
                <p className="panel user-text" translate="no">
                  {c.notes}
                </p>
              </div>
            ) : null}
          </Card>
          <ClientAccountCard clientId={c.id} clientName={title} readOnly={anonymised} />
          <PropertiesCard clientId={c.id} readOnly={anonymised} autoAdd={search.get('addProperty') === '1'} />
          <ClientPricesCard clientId={c.id} readOnly={anonymised} />
        </div>

        <div className="stack gap-6">
          {anonymised ? null : (
            <Card id="account-title" title={t('account')}>
              <div className="stack gap-2 action-list">
                {c.isActive ? (
                  <>
                    <Button onPress={() => setDialog('reset')}>
                      <Icon name="key" size={18} />
                      {t('resetPassword')}
                    </Button>
                    <Button onPress={() => setDialog('link')}>
                      <Icon name="link" size={18} />
                      {t('resetLink')}
                    </Button>
                    <Button variant="danger" onPress={() => setDialog('deactivate')}>
                      <Icon name="power" size={18} />
                      {t('deactivate')}
                    </Button>
                  </>
                ) : (
                  <Button onPress={() => setActive.mutate({ id: c.id, active: true })} isPending={setActive.isPending}>
                    <Icon name="refresh" size={18} />
                    {t('reactivate')}
                  </Button>
                )}
              </div>
            </Card>
          )}
          <Card id="privacy-title" title={t('privacyTitle')} lead={t('privacyLead')}>
            <div className="stack gap-2 action-list">
              <Button onPress={() => exporter.mutate(c.id)} isPending={exporter.isPending} pendingLabel={t('exporting')}>
                <Icon name="download" size={18} />
                {t('exportData')}
              </Button>
              {anonymised ? null : (
                <Button variant="danger" onPress={() => setDialog('anonymise')}>
                  <Icon name="shield" size={18} />
                  {t('anonymise')}
                </Button>
              )}
            </div>
          </Card>
        </div>
      </div>

      {dialog === 'edit' ? <ClientFormDialog client={c} onClose={close} /> : null}
      {dialog === 'reset' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('resetTitle', { name: c.name })}
          confirmLabel={t('resetConfirm')}
          pendingLabel={t('resetting')}
          tone="primary"
          isPending={reset.isPending}
          error={reset.error}
          onConfirm={() =>
            reset.mutate(c.id, {
              onSuccess: (result) => {
                close();
                setSecret({
                  title: t('resetDoneTitle'),
                  lead: t('resetDoneLead', { name: result.client.name, phone: formatPhone(result.client.phone) }),
                  label: t('temporaryPassword'),
                  value: result.temporaryPassword,
                });
              },
            })
          }
        >
          <p>{t('resetText')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'link' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('linkTitle', { name: c.name })}
          confirmLabel={t('linkConfirm')}
          pendingLabel={t('resetting')}
          tone="primary"
          isPending={link.isPending}
          error={link.error}
          onConfirm={() =>
            link.mutate(c.id, {
              onSuccess: (result) => {
                close();
                setSecret({
                  title: t('linkDoneTitle'),
                  lead: t('linkDoneLead', { name: c.name, date: formatDateTime(result.expiresAt, locale, 'short') }),
                  label: t('link'),
                  value: result.url,
                });
              },
            })
          }
        >
          <p>{t('linkText')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'deactivate' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('deactivateTitle', { name: c.name })}
          confirmLabel={t('deactivate')}
          pendingLabel={t('deactivating')}
          isPending={setActive.isPending}
          error={setActive.error}
          onConfirm={() => setActive.mutate({ id: c.id, active: false }, { onSuccess: close })}
        >
          <p>{t('deactivateText')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'anonymise' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('anonymiseTitle', { name: c.name })}
          confirmLabel={t('anonymiseConfirm')}
          pendingLabel={t('anonymising')}
          isPending={anonymise.isPending}
          error={anonymise.error}
          onConfirm={() => anonymise.mutate(c.id, { onSuccess: close })}
        >
          <p>{t('anonymiseIntro')}</p>
          <ul>
            <li>{t('anonymisePoint1')}</li>
            <li>{t('anonymisePoint2')}</li>
            <li>{t('anonymisePoint3')}</li>
            <li>{t('anonymisePoint4')}</li>
          </ul>
          <p>
            <strong>{t('anonymiseHint')}</strong>
          </p>
        </ConfirmDialog>
      ) : null}
      {secret ? (
        <ModalDialog isOpen onOpenChange={(open) => !open && setSecret(null)} title={secret.title} description={secret.lead} isDismissable={false}>
          <SecretReveal label={secret.label} value={secret.value} />
          <DialogActions>
            <Button variant="primary" onPress={() => setSecret(null)}>
              {t('done')}
            </Button>
          </DialogActions>
        </ModalDialog>
      ) : null}
    </>
  );
}
