import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryFallback } from '@/components/states';
import { Card } from '@/components/card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useTicket } from '@/features/tickets/api/get-ticket';
import type { Ticket } from '@/features/tickets/api/keys';
import { PriorityBadge, TicketStatusBadge } from '@/features/tickets/components/ticket-badges';
import { TicketComments } from '@/features/tickets/components/ticket-comments';
import { TicketManage } from '@/features/tickets/components/ticket-manage';
import { isManager, ticketPaths } from '@/features/tickets/paths';
import { useCreatedNotice } from '@/features/tickets/use-created-notice';
import '@/components/kit.css';
import '@/features/tickets/tickets.css';

function Facts({ ticket, paths }: { ticket: Ticket; paths: ReturnType<typeof ticketPaths> }) {
  const { t } = useTranslation('tickets');
  const locale = currentLocale();
  const when = (iso: string) => formatDateTime(iso, locale, 'short');
  return (
    <dl className="facts">
      <div>
        <dt>{t('detail.reportedBy')}</dt>
        <dd translate="no">
          {ticket.createdBy.name}, <time dateTime={ticket.createdAt}>{when(ticket.createdAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('detail.assignee')}</dt>
        <dd translate={ticket.assignee ? 'no' : undefined}>{ticket.assignee?.name ?? t('detail.nobody')}</dd>
      </div>
      {ticket.laundryOrder ? (
        <div>
          <dt>{t('detail.linkedOrder')}</dt>
          <dd>
            <Link to={paths.order(ticket.laundryOrder.id)} translate="no">
              {ticket.laundryOrder.orderNumber}
            </Link>
          </dd>
        </div>
      ) : null}
      {ticket.cleaningJobId ? (
        <div>
          <dt>{t('detail.linkedJob')}</dt>
          <dd>
            <Link to={paths.job(ticket.cleaningJobId)}>{t('detail.jobRef', { id: ticket.cleaningJobId })}</Link>
          </dd>
        </div>
      ) : null}
      {ticket.resolvedAt && ticket.resolvedBy ? (
        <div>
          <dt>{t('detail.resolvedBy')}</dt>
          <dd data-testid="ticket-resolved-by">{t('detail.resolvedByAt', { name: ticket.resolvedBy.name, when: when(ticket.resolvedAt) })}</dd>
        </div>
      ) : null}
      {ticket.closedAt && ticket.closedBy ? (
        <div>
          <dt>{t('detail.closedBy')}</dt>
          <dd>{t('detail.resolvedByAt', { name: ticket.closedBy.name, when: when(ticket.closedAt) })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** One ticket: what, who, the link, what was done; the office manages it here; everyone who sees it comments. */
export default function TicketPage() {
  const { t } = useTranslation('tickets');
  const principal = usePrincipal();
  const paths = ticketPaths(principal.role);
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  const created = useCreatedNotice();
  const manager = isManager(principal.role);
  const back = (
    <Link to={paths.list} className="back-link">
      <Icon name="chevronLeft" size={16} />
      {manager ? t('detail.back') : t('detail.backWorker')}
    </Link>
  );

  // A missing ticket is a 404 like any missing record: the not-found page, with its heading.
  if (!ticket.isSuccess) return <QueryFallback query={ticket} />;
  const data = ticket.data;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={data.title}
        dataTitle
        lead={
          <span className="cluster gap-2">
            <TicketStatusBadge status={data.status} />
            <PriorityBadge priority={data.priority} />
            <span className="ticket-row__id" translate="no">
              #{data.id}
            </span>
          </span>
        }
      />
      <div className="detail-layout">
        <div className="stack">
          {created ? <Notice tone="success">{t('form.created')}</Notice> : null}
          <Card id="ticket-description-title" title={t('detail.description')} className="stack gap-4">
            <p className="user-text" translate="no">
              {data.description}
            </p>
            <Facts ticket={data} paths={paths} />
            {data.resolution ? (
              <div className="notice notice--success stack gap-1">
                <h3 className="cluster gap-2 text-sm">
                  <Icon name="checkCircle" size={18} />
                  {t('detail.resolution')}
                </h3>
                <p className="user-text" translate="no">
                  {data.resolution}
                </p>
              </div>
            ) : null}
          </Card>
          <TicketComments ticket={data} />
        </div>
        {manager ? <TicketManage ticket={data} principal={principal} /> : null}
      </div>
    </>
  );
}
