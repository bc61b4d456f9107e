import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { Tabs } from '@/components/tabs';
import { SHELL_BASE } from '@/app/paths';
import { useAccountSummary, type AccountScope } from '@/features/accounts/api/accounts-api';
import { AccountSummary } from '@/features/accounts/components/account-summary';
import { ClientPaymentsList } from '@/features/accounts/components/client-payments-list';
import { DocumentsPanel } from '@/features/accounts/components/documents-panel';
import { ReceiptsPanel } from '@/features/accounts/components/receipts-panel';
import { StatementsPanel } from '@/features/accounts/components/statements-panel';
import '@/components/kit.css';
import '@/features/accounts/accounts-strings';
import '@/features/accounts/accounts.css';

type Tab = 'documents' | 'statements' | 'payments' | 'receipts';
const SCOPE: AccountScope = { kind: 'own' };
const hrefOf = (doc: { serviceLine: 'laundry' | 'cleaning'; id: number }) => `${SHELL_BASE.client}/${doc.serviceLine}/${doc.id}`;

/** The client's own account, phone first: what they owe, their orders and jobs, statements and receipts. */
export default function MyAccountPage() {
  const { t } = useTranslation('accounts');
  const summary = useAccountSummary(SCOPE);
  const [tab, setTab] = useState<Tab>('documents');
  return (
    <>
      <PageHeader
        title={t('own.title')}
        lead={t('own.lead')}
        actions={
          // On a phone the profile is not in the bottom bar: it is reached from here.
          <ButtonLink href={`${SHELL_BASE.client}/profile`} variant="secondary">
            <Icon name="user" size={18} />
            {t('own.profile')}
          </ButtonLink>
        }
      />
      <div className="stack gap-5">
        <Card id="my-account-balance-title" title={t('summary.ownLead')} titleHidden className="stack gap-5" data-testid="my-account-balance">
          <QueryView query={summary} title={t('own.title')}>
            {(data) => <AccountSummary summary={data} own />}
          </QueryView>
        </Card>
        <Card id="my-account-tabs-title" title={t('tabs.ownLabel')} titleHidden className="stack gap-5">
          <Tabs
            label={t('tabs.ownLabel')}
            selected={tab}
            onSelect={setTab}
            items={[
              { id: 'documents', label: t('tabs.documents'), content: <DocumentsPanel scope={SCOPE} hrefOf={hrefOf} empty={t('documents.emptyDocuments')} /> },
              { id: 'statements', label: t('tabs.statements'), content: <StatementsPanel scope={SCOPE} clientName={summary.data?.client.name ?? ''} /> },
              { id: 'payments', label: t('tabs.payments'), content: <ClientPaymentsList scope={SCOPE} emptyText={t('payments.empty')} /> },
              { id: 'receipts', label: t('tabs.receipts'), content: <ReceiptsPanel scope={SCOPE} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
