import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/client-prices/client-prices-strings';
import { RowAction } from '@/components/action-menu';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { QueryView } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { lisbonDate } from '@/lib/lisbon-time';
import { useClientPrices, useDeleteClientPrice, type ClientPrice } from '@/features/client-prices/api/client-prices';
import { PriceFormDialog } from '@/features/client-prices/components/price-form-dialog';
import './client-prices.css';

type Dialog = { kind: 'form'; price: ClientPrice | null } | { kind: 'remove'; price: ClientPrice } | null;

/** A client's own prices on the staff client page: add, edit and remove, each with its days. */
export function ClientPricesCard({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const { t } = useTranslation('clientPrices');
  const locale = currentLocale();
  const prices = useClientPrices(clientId);
  const remove = useDeleteClientPrice(clientId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const today = lisbonDate();
  const close = () => {
    setDialog(null);
    remove.reset();
  };

  const itemName = (p: ClientPrice) => (p.item === 'cleaning_hour' ? t('cleaningHour') : ((locale === 'pt' ? p.serviceName : p.serviceNameEn) ?? ''));
  const unit = (p: ClientPrice) => t(p.item === 'cleaning_hour' ? 'perHour' : p.pricingUnit === 'per_kg' ? 'perKg' : 'perItem');
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale, 'medium');
  const phase = (p: ClientPrice) => (p.validFrom > today ? 'upcoming' : p.validTo !== null && p.validTo < today ? 'past' : 'current');

  return (
    <Card
      id="client-prices-title"
      title={t('title')}
      lead={t('lead')}
      data-testid="client-prices"
      actions={
        readOnly ? null : (
          <Button variant="soft" onPress={() => setDialog({ kind: 'form', price: null })}>
            <Icon name="plus" size={18} />
            {t('add')}
          </Button>
        )
      }
    >
      <QueryView query={prices} empty={{ icon: 'wallet', title: t('empty'), text: t('emptyText') }}>
        {(data) => (
          <ul role="list" className="stack gap-3">
            {data.map((p) => (
              <li key={p.id} className={`panel cluster cluster--spread client-price client-price--${phase(p)}`}>
                <div className="client-price__body">
                  <p className="cluster gap-2 strong">
                    <span>{itemName(p)}</span>
                    <span className={`badge${phase(p) === 'current' ? ' badge--primary' : ''}`}>{t(phase(p))}</span>
                  </p>
                  <p className="client-price__amount">
                    <strong>{formatMoney(p.priceCents, locale)}</strong> {unit(p)}
                    <span className="muted"> · {t('catalogue', { price: formatMoney(p.catalogueCents, locale) })}</span>
                  </p>
                  <p className="muted">{p.validTo ? t('validityTo', { from: day(p.validFrom), to: day(p.validTo) }) : `${t('validity', { from: day(p.validFrom) })} · ${t('openEnded')}`}</p>
                </div>
                {readOnly ? null : (
                  <div className="cluster gap-1">
                    <RowAction icon="pencil" text={t('edit')} label={t('editOf', { item: itemName(p) })} onPress={() => setDialog({ kind: 'form', price: p })} />
                    <RowAction icon="trash" text={t('remove')} label={t('removeOf', { item: itemName(p) })} onPress={() => setDialog({ kind: 'remove', price: p })} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {dialog?.kind === 'form' ? <PriceFormDialog clientId={clientId} price={dialog.price} onClose={close} /> : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('removeTitle')}
          confirmLabel={t('remove')}
          pendingLabel={t('removing')}
          isPending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ clientId, id: dialog.price.id }, { onSuccess: close })}
        >
          <p>{t('removeText')}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
