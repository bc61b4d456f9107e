import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states';
import { useTickets } from '@/features/tickets/api/list-tickets';
import { TicketsResult, useNewTicket } from '@/features/tickets/components/ticket-board';
import '@/features/tickets/tickets.css';

/** A worker's tickets: those they reported or were given (the server scopes the list), and a way to report one. */
export default function WorkerTicketsPage() {
  const { t } = useTranslation('tickets');
  const list = useTickets({});
  const newTicket = useNewTicket();

  return (
    <>
      <PageHeader title={t('workerTitle')} lead={t('workerLead')} />
      <div className="stack">
        <div className="ticket-report">
          <Button variant="primary" size="lg" block onPress={newTicket.open}>
            <Icon name="plus" size={20} />
            {t('reportProblem')}
          </Button>
        </div>
        <TicketsResult
          list={list}
          empty={
            <EmptyState icon="ticket" title={t('list.workerEmptyTitle')}>
              {t('list.workerEmptyText')}
            </EmptyState>
          }
        />
      </div>
      {newTicket.dialog}
    </>
  );
}
