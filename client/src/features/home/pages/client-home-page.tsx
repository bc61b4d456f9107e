import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClientDashboardDto } from '@contracts/dashboard';
import type { LocaleCode } from '@contracts/auth';
import '@/features/home/home-strings';
import { Button, ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { QueryView } from '@/components/states';
import { Card } from '@/components/card';
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
import { HomeCard, HomeLinkList } from '@/features/home/components/home-card';
import { useMarkRead } from '@/features/notifications/api/mark-read';
import { appLink } from '@/features/notifications/app-link';
import './role-home.css';

const base = SHELL_BASE.client;

/** The badge tone of an open order's status: the kit's status colours. */
const ORDER_TONE: Record<ClientDashboardDto['openOrders'][number]['status'], 'info' | 'warning' | 'success'> = {
  received: 'info',
  in_progress: 'warning',
  ready: 'success',
};

function dayText(date: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(calendarDate(date));
}

function OpenOrders({ orders }: { orders: ClientDashboardDto['openOrders'] }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  return (
    <HomeCard id="home-orders-title" title={t('client.ordersTitle')} icon="basket" more={{ to: `${base}/laundry`, label: t('client.allOrders') }}>
      <HomeLinkList
        empty={t('client.noOrders')}
        items={orders.map((order) => ({
          key: order.id,
          to: `${base}/laundry/${order.id}`,
          title: <span translate="no">{order.orderNumber}</span>,
          sub: order.expectedReadyDate && order.status !== 'ready' ? t('client.readyBy', { date: formatDate(calendarDate(order.expectedReadyDate), locale, 'medium') }) : null,
          badge: <span className={`badge badge--${ORDER_TONE[order.status]}`}>{t(`client.orderStatus.${order.status}`)}</span>,
        }))}
      />
    </HomeCard>
  );
}

function UpcomingVisits({ jobs }: { jobs: ClientDashboardDto['upcomingJobs'] }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  return (
    <HomeCard id="home-visits-title" title={t('client.visitsTitle')} icon="sparkles" more={{ to: `${base}/cleaning`, label: t('client.allVisits') }}>
      <HomeLinkList
        empty={t('client.noVisits')}
        items={jobs.map((job) => ({
          key: job.id,
          to: `${base}/cleaning/${job.id}`,
          title: `${dayText(job.scheduledDate, locale)}, ${job.scheduledTime}`,
          titleClassName: 'capitalize-first',
          sub: `${job.property.name} · ${job.property.addressLine1}`,
        }))}
      />
    </HomeCard>
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
    <HomeCard id="home-balance-title" title={t('client.balanceTitle')} icon="wallet" testId="client-balance">
      {b.balanceCents > 0 ? <p className="amount text-2xl">{money(b.balanceCents)}</p> : null}
      {b.documents > 0 ? (
        <p className="muted">{t('client.balanceOwed', { accrued: money(b.accruedCents), inProgress: money(b.inProgressCents) })}</p>
      ) : b.creditCents === 0 ? (
        <p className="muted">{t('client.balanceNone')}</p>
      ) : null}
      {b.creditCents > 0 ? <p className="muted">{t('client.balanceCredit', { credit: money(b.creditCents) })}</p> : null}
    </HomeCard>
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
    <HomeCard
      id="home-messages-title"
      icon="bell"
      title={
        <>
          {t('client.messagesTitle')}
          {unread > 0 ? <span className="badge badge--accent">{unread}</span> : null}
        </>
      }
    >
      <p className={unread > 0 ? undefined : 'muted'}>{unread > 0 ? t('client.unread', { count: unread }) : t('client.noUnread')}</p>
      {items.length > 0 ? (
        <ul role="list" className="stack gap-2">
          {items.map((item) => {
            const to = appLink(item.link, principal.role);
            return (
              <li key={item.id} className="split gap-2 panel">
                <div className="home-message__text stack gap-0-5">
                  {to ? (
                    <Link
                      to={to}
                      className="strong"
                      onClick={(event) => {
                        event.preventDefault();
                        markRead.mutate(item.id);
                        void navigate(to);
                      }}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    <span className="strong">{item.title}</span>
                  )}
                  <span className="text-sm user-text">{item.body}</span>
                  <time className="muted text-sm" dateTime={item.createdAt}>
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
    </HomeCard>
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
      <div className="stack gap-4">
        <HomeCard id="home-request-title" title={t('client.requestTitle')} more={{ to: `${base}/requests`, label: t('client.myRequests') }}>
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
        </HomeCard>
        <QueryView query={dashboard}>
          {(data) => (
            <div className="detail-layout detail-layout--wide-side">
              <div className="stack">
                <OpenOrders orders={data.openOrders} />
                <UpcomingVisits jobs={data.upcomingJobs} />
              </div>
              <div className="stack">
                <Balance />
                <Messages unread={data.unreadNotifications} />
                <Card id="help-title" title={t('helpTitle')} className="stack gap-4">
                  <p className="muted">{t('helpText')}</p>
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
                </Card>
              </div>
            </div>
          )}
        </QueryView>
      </div>
    </>
  );
}
