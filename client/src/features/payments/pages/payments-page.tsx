import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentDto, type PaymentTotalsDto } from '@contracts/payments';
import { DateField } from '@/components/date-fields';
import { Button } from '@/components/button';
import { SelectInput } from '@/components/fields';
import { SearchSelectField } from '@/components/form-controls';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { EmptyState, QueryView } from '@/components/states';
import { Card } from '@/components/card';
import { TableCard } from '@/components/table-card';
import { formatDateTime, formatMoney, formatPhone } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { SHELL_BASE } from '@/app/paths';
import '@/components/kit.css';
import '@/features/payments/payments-strings';
import { usePayments, type PaymentFilters } from '@/features/payments/api/list-payments';
import { usePaymentTotals } from '@/features/payments/api/payment-totals';
import { useClientSearch, type ClientOption } from '@/features/clients/api/client-options';
import { useDebounced } from '@/features/laundry/use-debounced';
import '@/features/payments/payments.css';

const EMPTY: PaymentFilters = { clientId: null, method: '', serviceLine: '', kind: '', from: '', to: '', offset: 0 };

const targetHref = (p: PaymentDto) =>
  p.laundryOrderId !== null ? `${SHELL_BASE.admin}/laundry/${p.laundryOrderId}` : `${SHELL_BASE.admin}/cleaning/${p.cleaningJobId ?? 0}`;

/** Pick a client to filter by, searching the server as one types. */
function ClientFilter({ selected, onSelect }: { selected: ClientOption | null; onSelect: (client: ClientOption | null) => void }) {
  const { t } = useTranslation('payments');
  const [input, setInput] = useState(selected?.name ?? '');
  const search = useDebounced(input === selected?.name ? '' : input.trim(), 250);
  const results = useClientSearch(search);
  const found = results.data ?? [];
  const options = (selected && !found.some((c) => c.id === selected.id) ? [selected, ...found] : found).map((c) => ({
    id: c.id,
    label: c.name,
    detail: [c.companyName, formatPhone(c.phone)].filter(Boolean).join(' · '),
  }));
  return (
    <div className="pay-client-filter">
      <SearchSelectField
        label={t('list.client')}
        placeholder={t('list.clientPlaceholder')}
        options={options}
        value={selected?.id ?? null}
        inputValue={input}
        onInputChange={(value) => {
          setInput(value);
          if (value === '' && selected) onSelect(null);
        }}
        onChange={(id) => {
          const client = [...(selected ? [selected] : []), ...found].find((c) => c.id === id) ?? null;
          setInput(client?.name ?? '');
          onSelect(client);
        }}
        emptyLabel={results.isFetching ? t('list.clientSearching') : t('list.clientNoResults')}
        isLoading={results.isFetching}
      />
    </div>
  );
}

function Totals({ totals }: { totals: PaymentTotalsDto }) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <Card id="pay-totals-title" title={t('list.totalsTitle')} className="stack gap-4 pay-totals" data-testid="payment-totals">
      <dl className="facts facts--compact facts--panels">
        <div className="panel">
          <dt>{t('list.payments')}</dt>
          <dd className="amount text-xl" data-testid="totals-payments">{money(totals.paymentsCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('list.refunds')}</dt>
          <dd className="amount text-xl" data-testid="totals-refunds">{money(totals.refundsCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('list.net')}</dt>
          <dd className="amount text-xl" data-testid="totals-net">{money(totals.netCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('list.tips')}</dt>
          <dd className="amount text-xl">{money(totals.tipsCents)}</dd>
        </div>
        <div className="panel">
          <dt>{t('list.count')}</dt>
          <dd className="amount text-xl">{totals.count}</dd>
        </div>
      </dl>
      {totals.byMethod.length ? (
        <div>
          <h3 className="subheading">{t('list.byMethod')}</h3>
          <ul role="list" className="cluster gap-2">
            {totals.byMethod.map((m) => (
              <li key={m.method} className="badge badge--lg">
                {t(`method.${m.method}`)}: <strong>{money(m.netCents)}</strong>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

/** Every payment and refund for master and admin: filters, totals of what is filtered, paging, links to the work. */
export default function PaymentsPage() {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const [filters, setFilters] = useState<PaymentFilters>(EMPTY);
  const [client, setClient] = useState<ClientOption | null>(null);
  const rangeInvalid = Boolean(filters.from && filters.to && filters.to < filters.from);
  const list = usePayments(filters, !rangeInvalid);
  const totals = usePaymentTotals(filters, !rangeInvalid);
  const set = (patch: Partial<PaymentFilters>) => setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  const filtered = JSON.stringify({ ...filters, offset: 0 }) !== JSON.stringify(EMPTY);
  const money = (cents: number) => formatMoney(cents, locale);

  return (
    <>
      <PageHeader title={t('list.title')} lead={t('list.lead')} />
      <div className="toolbar" role="search">
        <ClientFilter
          selected={client}
          onSelect={(c) => {
            setClient(c);
            set({ clientId: c?.id ?? null });
          }}
        />
        <SelectInput
          label={t('list.method')}
          value={filters.method}
          placeholder={t('list.anyMethod')}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
          onChange={(method) => set({ method: method as PaymentFilters['method'] })}
        />
        <SelectInput
          label={t('list.serviceLine')}
          value={filters.serviceLine}
          placeholder={t('list.anyLine')}
          options={(['laundry', 'cleaning'] as const).map((l) => ({ value: l, label: t(`line.${l}`) }))}
          onChange={(serviceLine) => set({ serviceLine: serviceLine as PaymentFilters['serviceLine'] })}
        />
        <SelectInput
          label={t('list.kind')}
          value={filters.kind}
          placeholder={t('list.anyKind')}
          options={(['payment', 'refund'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(kind) => set({ kind: kind as PaymentFilters['kind'] })}
        />
        <DateField label={t('list.from')} value={filters.from} onChange={(from) => set({ from })} />
        <DateField label={t('list.to')} value={filters.to} onChange={(to) => set({ to })} errorMessage={rangeInvalid ? t('list.rangeInvalid') : undefined} />
        {filtered ? (
          <Button
            variant="ghost"
            onPress={() => {
              setClient(null);
              setFilters(EMPTY);
            }}
          >
            {t('list.clear')}
          </Button>
        ) : null}
      </div>

      {rangeInvalid ? (
        <Notice tone="warning">{t('list.rangeInvalid')}</Notice>
      ) : (
        <QueryView query={list}>
          {(data) => (
            <>
              {totals.data ? <Totals totals={totals.data} /> : null}
              {data.items.length === 0 ? (
                <EmptyState icon="wallet" title={t('list.emptyTitle')}>
                  {t('list.emptyText')}
                </EmptyState>
              ) : (
                <TableCard
                  caption={t('list.title')}
                  className="pay-table"
                  columns={[t('list.when'), t('list.reference'), t('list.client'), t('list.method'), t('list.who'), { label: t('list.amount'), className: 'num' }]}
                >
                  {data.items.map((p) => (
                    <tr key={p.id} data-voided={p.voided || undefined} data-testid="payment-list-row">
                      <td className="cell-main" data-label={t('list.when')}>
                        <time dateTime={p.paidAt}>{formatDateTime(p.paidAt, locale, 'short')}</time>
                      </td>
                      <td data-label={t('list.reference')}>
                        <div className="cell-primary">
                          <Link to={targetHref(p)} className="cell-primary__title" aria-label={t('list.open', { reference: p.reference })}>
                            <span translate="no">{p.reference}</span>
                          </Link>
                          <span className="cell-primary__sub">{t(`line.${p.serviceLine}`)}</span>
                        </div>
                      </td>
                      <td data-label={t('list.client')} translate="no">
                        {p.client.name}
                      </td>
                      <td data-label={t('list.method')}>
                        {t(`method.${p.method}`)}
                        {p.kind === 'refund' ? <span className="badge badge--warning">{t('kind.refund')}</span> : null}
                        {p.voided ? <span className="badge badge--danger">{t('list.voided')}</span> : null}
                      </td>
                      <td data-label={t('list.who')} translate="no">
                        {p.createdBy.name}
                      </td>
                      <td data-label={t('list.amount')} className="num">
                        {p.kind === 'refund' ? `−${money(p.amountCents)}` : money(p.amountCents)}
                      </td>
                    </tr>
                  ))}
                </TableCard>
              )}
              <Pager meta={data.meta} onOffsetChange={(offset) => setFilters((f) => ({ ...f, offset }))} />
            </>
          )}
        </QueryView>
      )}
    </>
  );
}
