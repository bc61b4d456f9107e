import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '@/features/laundry/laundry-strings';
import { LoadMore } from '@/components/pager';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { formatCount, formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useClientOrders } from '@/features/laundry/api/list-laundry-orders';
import { ReadyNotices } from '@/features/laundry/components/ready-notices';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import '@/features/laundry/laundry.css';

/** The client's own laundry orders, newest first, with status and total; ready ones are announced on top. */
export default function ClientOrdersPage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const orders = useClientOrders({ sort: '-createdAt', limit: 20 });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('client.title')} lead={t('client.lead')} />
      <div className="stack">
        <ReadyNotices />
        <QueryView query={orders} empty={{ icon: 'basket', title: t('client.emptyTitle'), text: t('client.emptyText') }} isEmpty={() => items.length === 0}>
          {() => (
            <ul role="list" className="stack gap-3">
              {items.map((order) => (
                <li key={order.id} className={`tile stack gap-2 focus-ring-within${order.status === 'ready' ? ' my-order--ready' : ''}`}>
                  <span className="cluster cluster--spread">
                    <Link to={`/client/laundry/${order.id}`} className="tile__link strong" translate="no">
                      {order.orderNumber}
                    </Link>
                    <StatusBadge status={order.status} />
                  </span>
                  <span className="muted text-sm">
                    {t('client.takenOn', { date: formatDate(order.createdAt, locale) })} · {formatCount(order.lineCount, 'items', locale)}
                  </span>
                  <span className="cluster cluster--spread">
                    <span className="amount text-xl">{formatMoney(order.totalCents, locale)}</span>
                    <Icon name="chevronRight" size={20} className="muted" />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        <LoadMore query={orders} block />
      </div>
    </>
  );
}
