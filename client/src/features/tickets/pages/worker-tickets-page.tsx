import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useTickets } from '@/features/tickets/api/list-tickets';
import { TicketFormDialog } from '@/features/tickets/components/ticket-form-dialog';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { ticketPaths } from '@/features/tickets/paths';
import { CREATED_STATE } from '@/features/tickets/use-created-notice';
import '@/features/tickets/tickets.css';

/** A worker's tickets: those they reported or were given (the server scopes the list), and a way to report one. */
export default function WorkerTicketsPage() {
  const { t } = useTranslation('tickets');
  const principal = usePrincipal();
  const navigate = useNavigate();
  const paths = ticketPaths(principal.role);
  const list = useTickets({});
  const [creating, setCreating] = useState(false);
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const report = (
    <Button variant="primary" size="lg" block onPress={() => setCreating(true)}>
      <Icon name="plus" size={20} />
      {t('reportProblem')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('workerTitle')} lead={t('workerLead')} />
      <div className="stack">
        <div className="ticket-report">{report}</div>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : tickets.length === 0 ? (
          <EmptyState icon="ticket" title={t('list.workerEmptyTitle')}>
            {t('list.workerEmptyText')}
          </EmptyState>
        ) : (
          <>
            <TicketList tickets={tickets} hrefOf={paths.detail} />
            {list.hasNextPage ? (
              <div className="ticket-more">
                <Button onPress={() => void list.fetchNextPage()} isPending={list.isFetchingNextPage}>
                  {t('list.showMore')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
      {creating ? (
        <TicketFormDialog
          onClose={() => setCreating(false)}
          onCreated={(ticket) => {
            setCreating(false);
            void navigate(paths.detail(ticket.id), { state: CREATED_STATE });
          }}
        />
      ) : null}
    </>
  );
}
