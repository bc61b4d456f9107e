import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClientDashboardDto } from '@contracts/dashboard';
import type { LocaleCode } from '@contracts/auth';
import '@/features/home/home-strings';
import { Button, ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorState, PageLoader } from '@/components/states';
import { SHELL_BASE } from '@/app/paths';
import { useBusiness } from '@/lib/business';
import { formatDate, formatDateTime, formatMoney, TIME_ZONE, formatPhone } from '@/lib/format';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useClientDashboard } from '@/features/home/api/get-home-dashboard';
import { useMyBalance } from '@/features/home/api/get-my-balance';
import { useLatestUnread } from '@/features/home/api/list-unread-notifications';
import { GreetingHeader } from '@/features/home/components/greeting-header';
import { useMarkRead } from '@/features/notifications/api/mark-read';
import { appLink } from '@/features/notifications/app-link';
import './home.css';
import './role-home.css';

const base = SHELL_BASE.client;

function dayText(date: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(calendarDate(date));
}

function OpenOrders({ orders }: { orders: ClientDashboardDto['openOrders'] }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  return (
    <section className="card home-card" aria-labelledby="home-orders-title">
      <h2 id="home-orders-title" className="card__title">
        <Icon name="basket" size={20} />
        {t('client.ordersTitle')}
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{t('client.noOrders')}</p>
      ) : (
        <ul role="list" className="home-list">
          {orders.map((order) => (
            <li key={order.id}>
              <Link to={`${base}/laundry/${order.id}`} className="home-list__item">
                <span className="home-list__main">
                  <span className="home-list__title">{order.orderNumber}</span>
                  {order.expectedReadyDate && order.status !== 'ready' ? (
                    <span className="home-list__sub">{t('client.readyBy', { date: formatDate(calendarDate(order.expectedReadyDate), locale, 'medium') })}</span>
                  ) : null}
                </span>
                <span className={`badge home-order home-order--${order.status}`}>{t(`client.orderStatus.${order.status}`)}</span>
                <Icon name="chevronRight" size={18} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to={`${base}/laundry`} className="home-card__more">
        {t('client.allOrders')}
        <Icon name="arrowRight" size={16} />
      </Link>
    </section>
  );
}

function UpcomingVisits({ jobs }: { jobs: ClientDashboardDto['upcomingJobs'] }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  return (
    <section className="card home-card" aria-labelledby="home-visits-title">
      <h2 id="home-visits-title" className="card__title">
        <Icon name="sparkles" size={20} />
        {t('client.visitsTitle')}
      </h2>
      {jobs.length === 0 ? (
        <p className="muted">{t('client.noVisits')}</p>
      ) : (
        <ul role="list" className="home-list">
          {jobs.map((job) => (
            <li key={job.id}>
              <Link to={`${base}/cleaning/${job.id}`} className="home-list__item">
                <span className="home-list__main">
                  <span className="home-list__title capitalize-first">
                    {dayText(job.scheduledDate, locale)}, {job.scheduledTime}
                  </span>
                  <span className="home-list__sub">
                    {job.property.name} · {job.property.addressLine1}
                  </span>
                </span>
                <Icon name="chevronRight" size={18} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to={`${base}/cleaning`} className="home-card__more">
        {t('client.allVisits')}
        <Icon name="arrowRight" size={16} />
      </Link>
    </section>
  );
}

/** What the client owes (ADR 0014): done and unpaid, orders in progress, and any credit. */
function Balance() {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  const balance = useMyBalance();
  if (!balance.data) return null;
  const b = balance.data;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section className="card home-card" aria-labelledby="home-balance-title" data-testid="client-balance">
      <h2 id="home-balance-title" className="card__title">
        <Icon name="wallet" size={20} />
        {t('client.balanceTitle')}
      </h2>
      {b.balanceCents > 0 ? <p className="home-balance__amount">{money(b.balanceCents)}</p> : null}
      {b.documents > 0 ? (
        <p className="muted">{t('client.balanceOwed', { accrued: money(b.accruedCents), inProgress: money(b.inProgressCents) })}</p>
      ) : b.creditCents === 0 ? (
        <p className="muted">{t('client.balanceNone')}</p>
      ) : null}
      {b.creditCents > 0 ? <p className="muted">{t('client.balanceCredit', { credit: money(b.creditCents) })}</p> : null}
    </section>
  );
}

/** The unread count, and the newest unread messages with where each leads. */
function Messages({ unread }: { unread: number }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  const principal = usePrincipal();
  const navigate = useNavigate();
  const latest = useLatestUnread();
  const markRead = useMarkRead();
  const items = latest.data ?? [];
  return (
    <section className="card home-card" aria-labelledby="home-messages-title">
      <h2 id="home-messages-title" className="card__title">
        <Icon name="bell" size={20} />
        {t('client.messagesTitle')}
        {unread > 0 ? <span className="badge badge--accent">{unread}</span> : null}
      </h2>
      <p className={unread > 0 ? undefined : 'muted'}>{unread > 0 ? t('client.unread', { count: unread }) : t('client.noUnread')}</p>
      {items.length > 0 ? (
        <ul role="list" className="home-messages">
          {items.map((item) => {
            const to = appLink(item.link, principal.role);
            return (
              <li key={item.id} className="home-message">
                <div className="home-message__text">
                  {to ? (
                    <Link
                      to={to}
                      className="home-message__title"
                      onClick={(event) => {
                        event.preventDefault();
                        markRead.mutate(item.id);
                        void navigate(to);
                      }}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    <span className="home-message__title">{item.title}</span>
                  )}
                  <span className="home-message__body">{item.body}</span>
                  <time className="home-list__sub" dateTime={item.createdAt}>
                    {formatDateTime(item.createdAt, locale, 'short')}
                  </time>
                </div>
                <Button size="sm" variant="ghost" iconOnly aria-label={`${t('client.markRead')}: ${item.title}`} onPress={() => markRead.mutate(item.id)}>
                  <Icon name="check" size={18} />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** A client's home: a greeting, their open laundry orders, the next cleaning visits and unread messages. */
export default function ClientHomePage() {
  const { t } = useTranslation('home');
  const business = useBusiness();
  const principal = usePrincipal();
  const dashboard = useClientDashboard();
  return (
    <>
      <GreetingHeader principal={principal} lead={t('client.lead')} />
      <section className="card home-card home-request" aria-labelledby="home-request-title">
        <h2 id="home-request-title" className="card__title">
          {t('client.requestTitle')}
        </h2>
        <p className="muted">{t('client.requestText')}</p>
        <div className="cluster">
          <ButtonLink href={`${base}/requests/new?kind=pickup`} variant="primary" size="lg">
            <Icon name="basket" size={20} />
            {t('client.requestPickup')}
          </ButtonLink>
          <ButtonLink href={`${base}/requests/new?kind=cleaning`} variant="primary" size="lg">
            <Icon name="sparkles" size={20} />
            {t('client.bookCleaning')}
          </ButtonLink>
        </div>
        <Link to={`${base}/requests`} className="home-card__more">
          {t('client.myRequests')}
          <Icon name="arrowRight" size={16} />
        </Link>
      </section>
      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div className="home-columns">
          <div className="stack">
            <OpenOrders orders={dashboard.data.openOrders} />
            <UpcomingVisits jobs={dashboard.data.upcomingJobs} />
          </div>
          <div className="stack">
            <Balance />
            <Messages unread={dashboard.data.unreadNotifications} />
            <section className="card help-card" aria-labelledby="help-title">
              <h2 id="help-title" className="card__title">
                {t('helpTitle')}
              </h2>
              <p className="help-card__text">{t('helpText')}</p>
              <div className="cluster">
                {business?.phone ? (
                  <ButtonLink href={`tel:${business.phone}`} variant="primary">
                    <Icon name="phone" size={18} />
                    {t('call', { phone: formatPhone(business.phone) })}
                  </ButtonLink>
                ) : null}
                {business?.email ? (
                  <ButtonLink href={`mailto:${business.email}`} variant="secondary">
                    <Icon name="mail" size={18} />
                    {t('write')}
                  </ButtonLink>
                ) : null}
              </div>
            </section>
          </div>
        </div>
      )}
    </>
  );
}
