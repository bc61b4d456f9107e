import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES } from '@contracts/tickets';
import { Icon } from '@/components/icon';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { Ticket } from '@/features/tickets/api/keys';
import { PriorityBadge, TicketStatusBadge } from '@/features/tickets/components/ticket-badges';
import '@/features/tickets/tickets-strings';

function TicketRow({ ticket, href }: { ticket: Ticket; href: string }) {
  const { t } = useTranslation('tickets');
  const locale = currentLocale();
  return (
    <li className={`tile focus-ring-within ticket-row ticket-row--${ticket.priority}`}>
      <div className="cluster gap-2">
        <PriorityBadge priority={ticket.priority} />
        <span className="ticket-row__id" translate="no">
          #{ticket.id}
        </span>
      </div>
      <h3 className="ticket-row__title text-base">
        <Link to={href} className="tile__link" translate="no">
          {ticket.title}
        </Link>
      </h3>
      <p className="cluster gap-2 muted text-sm">
        <span>{t('list.reportedBy', { name: ticket.createdBy.name })}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, locale, 'short')}</time>
      </p>
      <p className="cluster gap-2 muted text-sm">
        <span className={ticket.assignee ? undefined : 'ticket-row__unassigned'}>{ticket.assignee ? t('list.assignedTo', { name: ticket.assignee.name }) : t('list.unassigned')}</span>
        {ticket.commentCount > 0 ? (
          <span className="cluster gap-1">
            <Icon name="message" size={16} />
            {t('list.comments', { count: ticket.commentCount })}
          </span>
        ) : null}
      </p>
    </li>
  );
}

/**
 * Tickets in the server's order (most urgent, then oldest), grouped by status so what still needs work
 * comes first. Within a group the order is kept.
 */
export function TicketList({ tickets, hrefOf }: { tickets: Ticket[]; hrefOf: (id: number) => string }) {
  const { t } = useTranslation('tickets');
  const groups = TICKET_STATUSES.map((status) => ({ status, items: tickets.filter((ticket) => ticket.status === status) })).filter((g) => g.items.length > 0);
  return (
    <div className="stack gap-6">
      {groups.map((group) => (
        <section key={group.status} className="stack gap-3" aria-labelledby={`ticket-group-${group.status}`}>
          <h2 id={`ticket-group-${group.status}`} className="cluster gap-2 text-base">
            <TicketStatusBadge status={group.status} />
            <span className="muted text-sm">{t('list.count', { count: group.items.length })}</span>
          </h2>
          <ul role="list" className="ticket-group__list">
            {group.items.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} href={hrefOf(ticket.id)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
