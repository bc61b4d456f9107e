import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccountDocumentDto } from '@contracts/accounts';
import type { ServiceLineValue } from '@contracts/payments';
import { Pager } from '@/components/pager';
import { DataTable } from '@/components/table-card';
import { Segmented } from '@/components/segmented';
import { QueryView } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAccountDocuments, type AccountScope } from '@/features/accounts/api/accounts-api';
import { PaymentStatusBadge } from '@/features/payments/components/payment-status-badge';
import '@/features/accounts/accounts-strings';

/**
 * A client's orders and/or jobs with what each costs, what was paid and what is still owed, a page at a
 * time, each linking to its order or job page. "Only what is owed" narrows it to the open ones.
 */
export function DocumentsPanel({
  scope,
  serviceLine,
  hrefOf,
  empty,
}: {
  scope: AccountScope;
  serviceLine?: ServiceLineValue;
  hrefOf: (doc: AccountDocumentDto) => string;
  empty: string;
}) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  const [offset, setOffset] = useState(0);
  const [which, setWhich] = useState<'all' | 'open'>('all');
  const documents = useAccountDocuments(scope, { serviceLine, open: which === 'open', offset });
  const money = (cents: number | null) => (cents === null ? '—' : formatMoney(cents, locale));

  return (
    <div className="stack stack--sm">
      <Segmented
        label={t('documents.show')}
        look="segmented"
        className="account-filter"
        value={which}
        onChange={(value) => {
          setWhich(value);
          setOffset(0);
        }}
        options={[
          { value: 'all', content: t('documents.all') },
          { value: 'open', content: t('documents.openOnly') },
        ]}
      />
      <QueryView query={documents} title={t('tabs.documents')} empty={{ icon: serviceLine === 'cleaning' ? 'sparkles' : 'basket', title: which === 'open' ? t('documents.emptyOpen') : empty, bordered: false }}>
        {(data) => (
          <>
            <DataTable
              caption={t('tabs.documents')}
              className="data-table--rows account-table"
              busy={documents.isFetching}
              columns={[
                t('documents.reference'),
                t('documents.payment'),
                { label: t('documents.total'), className: 'num' },
                { label: t('documents.paid'), className: 'num' },
                { label: t('documents.outstanding'), className: 'num' },
              ]}
            >
              {data.items.map((doc) => (
                <tr key={`${doc.serviceLine}-${doc.id}`} data-testid="account-document">
                  <th scope="row" data-phone="title">
                    <div className="cell-primary">
                      <Link to={hrefOf(doc)} className="row-link" translate="no">
                        {doc.reference}
                      </Link>
                      <span className="cell-primary__sub">
                        {serviceLine ? null : `${t(`documents.line.${doc.serviceLine}`)} · `}
                        {formatDate(doc.createdAt, locale, 'medium')} ·{' '}
                        {doc.accruedAt ? t('documents.handedOver', { date: formatDate(doc.accruedAt, locale, 'short') }) : t('documents.inProgress')}
                      </span>
                    </div>
                  </th>
                  <td data-label={t('documents.payment')} data-phone="detail-end">
                    <PaymentStatusBadge status={doc.paymentStatus} testId="document-payment-status" />
                  </td>
                  <td data-label={t('documents.total')} className="num" data-phone="hide">
                    {doc.totalCents === null ? <span className="muted">{t('documents.noPrice')}</span> : money(doc.totalCents)}
                  </td>
                  <td data-label={t('documents.paid')} className="num" data-phone="hide">
                    {money(doc.paidCents)}
                  </td>
                  <td data-label={t('documents.outstanding')} className="num strong" data-phone="title-end" data-testid="document-outstanding">
                    {money(doc.outstandingCents)}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager meta={data.meta} onOffsetChange={setOffset} />
          </>
        )}
      </QueryView>
    </div>
  );
}
