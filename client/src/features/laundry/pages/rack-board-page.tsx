import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LaundryRackDto } from '@contracts/laundry-floor';
import type { LaundryOrderDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { SearchInput } from '@/components/search-input';
import { EmptyState, QueryView } from '@/components/states';
import { Card } from '@/components/card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useRacks } from '@/features/laundry/api/laundry-racks';
import { listLaundryOrders } from '@/features/laundry/api/list-laundry-orders';
import { laundryKeys } from '@/features/laundry/api/keys';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import { ManageRacksDialog } from '@/features/laundry/racks/manage-racks-dialog';
import '@/features/laundry/racks/racks-strings';
import '@/features/laundry/laundry-strings';
import '@/features/laundry/laundry.css';
import '@/features/laundry/floor.css';

function RackTile({ rack, match }: { rack: LaundryRackDto; match: boolean }) {
  const { t } = useTranslation('racks');
  const locale = currentLocale();
  if (!rack.order) {
    return (
      <li className="panel stack gap-1 rack-tile" data-match={match ? '' : undefined}>
        <span className="amount text-xl" translate="no">
          {rack.code}
        </span>
        <span className="muted text-sm">{t('free')}</span>
      </li>
    );
  }
  return (
    <li className="tile stack gap-1 focus-ring-within rack-tile rack-tile--taken" data-match={match ? '' : undefined}>
      <Link to={`/admin/laundry/${rack.order.id}`} className="tile__link amount text-xl" aria-label={t('open', { order: rack.order.orderNumber, code: rack.code })} translate="no">
        {rack.code}
      </Link>
      <span className="text-sm strong" translate="no">
        {rack.order.orderNumber}
      </span>
      <span className="strong" translate="no">
        {rack.order.clientName}
      </span>
      {rack.order.readyAt ? <span className="muted text-sm">{t('readySince', { date: formatDateTime(rack.order.readyAt, locale, 'short') })}</span> : null}
    </li>
  );
}

/** Open orders matching the search that are on no rack (not ready yet, or nobody put them on one). */
function NotOnRack({ q }: { q: string }) {
  const { t } = useTranslation('racks');
  const filters = { q, status: ['received', 'in_progress', 'ready'] as LaundryOrderDto['status'][], limit: 5 };
  const orders = useQuery({ queryKey: laundryKeys.list({ ...filters, noRack: true }), queryFn: () => listLaundryOrders<LaundryOrderDto>(filters) });
  const loose = (orders.data?.items ?? []).filter((order) => !order.rack);
  if (!loose.length) return null;
  return (
    <Card id="not-on-rack" title={t('search.notOnRack')}>
      <ul role="list" className="stack gap-2">
        {loose.map((order) => (
          <li key={order.id} className="cluster gap-2">
            <Link to={`/admin/laundry/${order.id}`} className="row-link" translate="no">
              {order.orderNumber}
            </Link>
            <span translate="no">{order.client.name}</span>
            <StatusBadge status={order.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The rack board: every rack, free or holding a ready order, and "where is LDR-…" by order or client. */
export default function RackBoardPage() {
  const { t } = useTranslation('racks');
  const [q, setQ] = useState('');
  const [managing, setManaging] = useState(false);
  // Refreshed on its own: a rack freed by a collection at the counter shows up free here.
  const all = useRacks({}, { refetchInterval: 30_000 });
  const found = useRacks({ q }, { enabled: q !== '' });
  const racks = all.data ?? [];
  const free = racks.filter((rack) => !rack.order).length;
  const matches = new Set(q ? (found.data ?? []).map((rack) => rack.id) : []);
  const shown = q ? racks.filter((rack) => matches.has(rack.id)) : racks;

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <Button variant="secondary" onPress={() => setManaging(true)}>
            <Icon name="sliders" size={18} />
            {t('manage.open')}
          </Button>
        }
      />
      <div className="stack">
        <div className="toolbar cluster--spread rack-toolbar">
          <SearchInput label={t('search.label')} placeholder={t('search.placeholder')} value={q} onChange={setQ} />
          {all.data ? (
            <p className="muted" role="status">
              {q && found.data ? t('search.found', { count: shown.length }) : t('summary', { free, total: racks.length })}
            </p>
          ) : null}
        </div>
        <QueryView query={all} title={t('title')} empty={{ icon: 'grid', title: t('emptyTitle'), text: t('emptyText') }}>
          {() => (
            <>
              {q && found.data && shown.length === 0 ? (
                <EmptyState
                  icon="search"
                  title={t('search.none', { q })}
                  actions={
                    <Button variant="secondary" onPress={() => setQ('')}>
                      {t('search.clear')}
                    </Button>
                  }
                />
              ) : (
                <ul role="list" className="rack-grid" aria-label={t('gridLabel')}>
                  {shown.map((rack) => (
                    <RackTile key={rack.id} rack={rack} match={matches.has(rack.id)} />
                  ))}
                </ul>
              )}
              {q ? <NotOnRack q={q} /> : null}
            </>
          )}
        </QueryView>
      </div>
      <ManageRacksDialog isOpen={managing} onOpenChange={setManaging} />
    </>
  );
}
