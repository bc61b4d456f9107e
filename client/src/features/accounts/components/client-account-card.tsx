import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { QueryView } from '@/components/states';
import { Tabs } from '@/components/tabs';
import { SHELL_BASE } from '@/app/paths';
import { useAccountSummary, type AccountScope } from '@/features/accounts/api/accounts-api';
import type { ClientPayment } from '@/features/accounts/api/client-payments';
import { AccountSummary } from './account-summary';
import { DocumentsPanel } from './documents-panel';
import { ReceiptsPanel } from './receipts-panel';
import { RecordClientPaymentDialog } from './record-client-payment-dialog';
import { RecordedPaymentNotice } from './recorded-payment-notice';
import { StaffPaymentsPanel } from './staff-payments-panel';
import { StatementsPanel } from './statements-panel';
import '@/features/accounts/accounts-strings';
import '@/features/accounts/accounts.css';
import { RequestFeed } from '@/features/requests/components/request-feed';

type Tab = 'orders' | 'jobs' | 'requests' | 'payments' | 'receipts' | 'statements';
const orderHref = (id: number) => `${SHELL_BASE.admin}/laundry/${id}`;
const jobHref = (id: number) => `${SHELL_BASE.admin}/cleaning/${id}`;

/**
 * The staff client page's account: the balance with its ageing and last payment, "Record payment" across
 * the open documents, and tabs for the orders, jobs, requests, payments, receipts and monthly statements.
 */
export function ClientAccountCard({ clientId, clientName, readOnly }: { clientId: number; clientName: string; readOnly: boolean }) {
  const { t } = useTranslation('accounts');
  const scope: AccountScope = { kind: 'staff', clientId };
  const summary = useAccountSummary(scope);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<ClientPayment | null>(null);
  const [tab, setTab] = useState<Tab>('orders');
  const owes = (summary.data?.balance.balanceCents ?? 0) > 0;

  return (
    <Card id="client-account-title" title={t('summary.title')} lead={t('summary.lead')} className="stack gap-5" data-testid="client-account">
      <QueryView query={summary} title={t('summary.title')}>
        {(data) => (
          <AccountSummary
            summary={data}
            actions={
              readOnly || !owes ? null : (
                <Button
                  variant="primary"
                  onPress={() => {
                    setRecorded(null);
                    setRecording(true);
                  }}
                >
                  <Icon name="wallet" size={18} />
                  {t('summary.record')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {recorded ? <RecordedPaymentNotice payment={recorded} /> : null}
      <Tabs
        label={t('tabs.label')}
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'orders', label: t('tabs.orders'), content: <DocumentsPanel scope={scope} serviceLine="laundry" hrefOf={(d) => orderHref(d.id)} empty={t('documents.emptyOrders')} /> },
          { id: 'jobs', label: t('tabs.jobs'), content: <DocumentsPanel scope={scope} serviceLine="cleaning" hrefOf={(d) => jobHref(d.id)} empty={t('documents.emptyJobs')} /> },
          {
            id: 'requests',
            label: t('tabs.requests'),
            content: <RequestFeed filters={{ clientId }} hrefOf={(id) => `${SHELL_BASE.admin}/requests/${id}`} emptyTitle={t('tabs.emptyRequests')} />,
          },
          { id: 'payments', label: t('tabs.payments'), content: <StaffPaymentsPanel clientId={clientId} /> },
          { id: 'receipts', label: t('tabs.receipts'), content: <ReceiptsPanel scope={scope} /> },
          { id: 'statements', label: t('tabs.statements'), content: <StatementsPanel scope={scope} clientName={clientName} /> },
        ]}
      />
      {recording ? (
        <RecordClientPaymentDialog
          clientId={clientId}
          clientName={clientName}
          onClose={() => setRecording(false)}
          onRecorded={(payment) => {
            setRecording(false);
            setRecorded(payment);
          }}
        />
      ) : null}
    </Card>
  );
}
