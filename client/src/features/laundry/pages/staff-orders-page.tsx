import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ToggleButton } from 'react-aria-components';
import { DOCUMENT_PAYMENT_STATUSES, type DocumentPaymentStatusValue } from '@contracts/accounts';
import { LAUNDRY_STATUSES, type LaundryStatusValue } from '@contracts/laundry';
import '@/features/laundry/laundry-strings';
import { DateField } from '@/components/date-fields';
import { LoadMore } from '@/components/pager';
import { TableCard } from '@/components/table-card';
import { Button, ButtonLink } from '@/components/button';
import { CsvExportButton } from '@/components/csv-export';
import { FiltersSheet } from '@/components/filters-sheet';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useStaffOrders, type LaundryOrderFilters } from '@/features/laundry/api/list-laundry-orders';
import { useWorkers } from '@/features/laundry/api/list-workers';
import { useClientOption, type ClientOption } from '@/features/clients/api/client-options';
import { ClientPicker } from '@/features/laundry/components/client-picker';
import { SelectInput } from '@/components/fields';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import { useDebounced } from '@/features/laundry/use-debounced';
import { clientAccountHref, MoneyChip } from '@/features/accounts/components/money-chip';
import '@/features/payments/payments-strings';
import '@/components/kit.css';
import '@/features/laundry/laundry.css';

const SORTS = [
  ['-createdAt', 'staffList.sortNewest'],
  ['createdAt', 'staffList.sortOldest'],
  ['expectedReadyDate', 'staffList.sortReadyDate'],
  ['-orderNumber', 'staffList.sortNumber'],
  ['-total', 'staffList.sortTotalDesc'],
] as const;

/** The filters live in the address, so a filtered list can be bookmarked and survives "back". */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: LaundryOrderFilters = useMemo(() => {
    const status = (params.get('status') ?? '').split(',').filter((s): s is LaundryStatusValue => (LAUNDRY_STATUSES as readonly string[]).includes(s));
    const paymentStatus = (params.get('paymentStatus') ?? '')
      .split(',')
      .filter((s): s is DocumentPaymentStatusValue => (DOCUMENT_PAYMENT_STATUSES as readonly string[]).includes(s));
    const number = (key: string) => (params.get(key) && Number(params.get(key)) > 0 ? Number(params.get(key)) : undefined);
    return {
      status,
      paymentStatus,
      clientId: number('client'),
      assignedWorkerId: number('assignee'),
      from: params.get('from') || undefined,
      to: params.get('to') || undefined,
      q: params.get('q') || undefined,
      sort: params.get('sort') || '-createdAt',
      limit: 25,
    };
  }, [params]);
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { filters, set, clear: () => setParams(new URLSearchParams(), { replace: true }), activeCount: [...params.keys()].filter((k) => k !== 'sort').length };
}

/** Staff: every laundry order, filtered by status chips, client, team member and dates, searched and sorted. */
export default function StaffOrdersPage() {
  const { t } = useTranslation('laundry');
  const { t: ta } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const locale = currentLocale();
  const { filters, set, clear, activeCount } = useFilters();
  const active = activeCount > 0;
  const workers = useWorkers();
  const namedClient = useClientOption(filters.clientId);
  const [search, setSearch] = useState(filters.q ?? '');
  const settledSearch = useDebounced(search.trim(), 300);
  const [pickedClient, setPickedClient] = useState<ClientOption | null>(null);
  const shownClient = filters.clientId ? (pickedClient?.id === filters.clientId ? pickedClient : (namedClient.data ?? null)) : null;

  useEffect(() => {
    if ((filters.q ?? '') !== settledSearch) set({ q: settledSearch || undefined });
    // Only the settled text drives the address; the address does not drive the box while typing.
  }, [settledSearch]);

  const orders = useStaffOrders(filters);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const meta = orders.data?.pages.at(-1)?.meta;
  const toggleStatus = (status: LaundryStatusValue) => {
    const current = new Set(filters.status);
    if (current.has(status)) current.delete(status);
    else current.add(status);
    set({ status: [...current].join(',') || undefined });
  };
  const togglePayment = (status: DocumentPaymentStatusValue) => {
    const current = new Set(filters.paymentStatus);
    if (current.has(status)) current.delete(status);
    else current.add(status);
    set({ paymentStatus: [...current].join(',') || undefined });
  };
  const owingClient = shownClient && filters.paymentStatus?.some((s) => s === 'unpaid' || s === 'partial') ? shownClient : null;

  return (
    <>
      <PageHeader
        title={t('staffList.title')}
        lead={t('staffList.lead')}
        actions={
          <>
            {/* The export takes the filters it shares with the list: status, client and the order dates. */}
            <CsvExportButton
              path="/api/exports/laundry-orders.csv"
              params={{ status: filters.status?.join(','), clientId: filters.clientId, from: filters.from, to: filters.to }}
            />
            <ButtonLink href="/admin/laundry/new" variant="secondary" size="lg">
              <Icon name="basket" size={20} />
              {t('staffList.newOrder')}
            </ButtonLink>
            <ButtonLink href="/admin/laundry/counter" variant="primary" size="lg">
              <Icon name="shirt" size={20} />
              {t('staffList.counter')}
            </ButtonLink>
          </>
        }
      />
      <FiltersSheet activeCount={activeCount}>
        <section className="card stack gap-4 filters" aria-label={t('staffList.filtersLabel')}>
          <div className="cluster gap-2" role="group" aria-label={t('staffList.statusFilter')}>
            <ToggleButton isSelected={!filters.status?.length} onChange={() => set({ status: undefined })} className="chip">
              {t('staffList.allStatuses')}
            </ToggleButton>
            {LAUNDRY_STATUSES.map((status) => (
              <ToggleButton key={status} isSelected={filters.status?.includes(status) ?? false} onChange={() => toggleStatus(status)} className={`chip chip--${status}`}>
                {t(`status.${status}`)}
              </ToggleButton>
            ))}
          </div>
          <div className="cluster gap-2" role="group" aria-label={ta('chip.filter')}>
            <ToggleButton isSelected={!filters.paymentStatus?.length} onChange={() => set({ paymentStatus: undefined })} className="chip">
              {ta('chip.any')}
            </ToggleButton>
            {DOCUMENT_PAYMENT_STATUSES.map((status) => (
              <ToggleButton key={status} isSelected={filters.paymentStatus?.includes(status) ?? false} onChange={() => togglePayment(status)} className="chip">
                {tp(`status.${status}`)}
              </ToggleButton>
            ))}
          </div>
          <div className="filters__grid">
            <TextInput label={t('staffList.search')} value={search} onChange={setSearch} type="search" placeholder={t('staffList.searchPlaceholder')} autoComplete="off" />
            <ClientPicker
              label={t('staffList.clientFilter')}
              selected={shownClient}
              onSelect={(client) => {
                setPickedClient(client);
                set({ client: client ? String(client.id) : undefined });
              }}
              placeholder={t('staffList.anyClient')}
            />
            <SelectInput
              label={t('staffList.assigneeFilter')}
              value={filters.assignedWorkerId ? String(filters.assignedWorkerId) : ''}
              onChange={(value) => set({ assignee: value || undefined })}
              options={(workers.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
              placeholder={t('staffList.anyAssignee')}
            />
            <DateField label={t('staffList.from')} value={filters.from ?? ''} onChange={(value) => set({ from: value || undefined })} />
            <DateField label={t('staffList.to')} value={filters.to ?? ''} onChange={(value) => set({ to: value || undefined })} />
            <SelectInput
              label={t('staffList.sort')}
              value={filters.sort ?? '-createdAt'}
              onChange={(value) => set({ sort: value === '-createdAt' ? undefined : value })}
              options={SORTS.map(([value, label]) => ({ value, label: t(label) }))}
            />
          </div>
          {active ? (
            <div>
              <Button
                variant="ghost"
                size="sm"
                onPress={() => {
                  setSearch('');
                  setPickedClient(null);
                  clear();
                }}
              >
                <Icon name="close" size={16} />
                {t('staffList.clearFilters')}
              </Button>
            </div>
          ) : null}
        </section>
      </FiltersSheet>

      {owingClient ? (
        <p className="owing-account">
          <ButtonLink href={clientAccountHref(owingClient.id)} variant="soft" size="sm">
            <Icon name="wallet" size={16} />
            {ta('chip.openAccount', { client: owingClient.name })}
          </ButtonLink>
        </p>
      ) : null}
      <QueryView
        query={orders}
        isEmpty={() => items.length === 0}
        empty={
          active
            ? { icon: 'basket', title: t('staffList.noMatchTitle'), text: t('staffList.noMatchText') }
            : {
                icon: 'basket',
                title: t('staffList.emptyTitle'),
                text: t('staffList.emptyText'),
                actions: (
                  <ButtonLink href="/admin/laundry/new" variant="primary">
                    {t('staffList.newOrder')}
                  </ButtonLink>
                ),
              }
        }
      >
        {() => (
          <TableCard
            caption={t('staffList.tableLabel')}
            className="data-table--rows orders-table"
            busy={orders.isFetching}
            columns={[
              t('common.orderNumber'),
              t('common.client'),
              t('common.status'),
              t('common.created'),
              t('common.expectedReady'),
              t('common.assignee'),
              { label: t('common.total'), className: 'num' },
            ]}
            footer={
              <div className="list-footer">
                {meta ? (
                  <span className="muted text-sm">
                    {meta.totalCapped ? t('common.shownOfMany', { shown: items.length, total: meta.total }) : t('common.shownOf', { shown: items.length, total: meta.total })}
                  </span>
                ) : null}
                <LoadMore query={orders} />
              </div>
            }
          >
            {items.map((order) => (
              <tr key={order.id}>
                <th scope="row" data-label={t('common.orderNumber')} data-phone="title">
                  <Link to={`/admin/laundry/${order.id}`} className="row-link" translate="no">
                    {order.orderNumber}
                  </Link>
                </th>
                <td data-label={t('common.client')} className="strong" data-phone="detail" translate="no">
                  {order.client.name}
                </td>
                <td data-label={t('common.status')} data-phone="detail-end">
                  <StatusBadge status={order.status} />
                </td>
                <td data-label={t('common.created')} data-phone="hide">{formatDate(order.createdAt, locale)}</td>
                <td data-label={t('common.expectedReady')} data-phone="hide">{order.expectedReadyDate ? formatDate(order.expectedReadyDate, locale) : '—'}</td>
                <td data-label={t('common.assignee')} data-phone="hide" translate="no">{order.assignedWorker?.name ?? '—'}</td>
                <td data-label={t('common.total')} className="num strong" data-phone="title-end">
                  <span className="money-cell">
                    {formatMoney(order.totalCents, locale)}
                    {order.paymentStatus === 'not_priced' ? null : <MoneyChip status={order.paymentStatus} client={order.client} />}
                  </span>
                </td>
              </tr>
            ))}
          </TableCard>
        )}
      </QueryView>
    </>
  );
}
