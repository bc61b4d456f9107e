import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { LaundryOrderDto, LaundryStatusValue } from '@contracts/laundry';
import { FromRequestLink } from '@/features/requests/components/from-request-link';
import '@/features/laundry/laundry-strings';
import { Button } from '@/components/button';
import { DataTable } from '@/components/table-card';
import { ConfirmDialog, ReasonDialog } from '@/components/dialog';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { formatDateTime, formatMoney, formatPhone } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useChangeLaundryStatus } from '@/features/laundry/api/change-laundry-status';
import { useStaffOrder } from '@/features/laundry/api/get-laundry-order';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useRemoveLaundryLine } from '@/features/laundry/api/remove-laundry-line';
import { useRevertLaundryStatus } from '@/features/laundry/api/revert-laundry-status';
import { AddLineDialog } from '@/features/laundry/components/add-line-dialog';
import { EditOrderDialog } from '@/features/laundry/components/edit-order-dialog';
import { StaffIntakeCondition } from '@/features/laundry/components/intake-condition';
import { lineAmount, lineSummary } from '@/features/laundry/components/line-summary';
import { OrderFacts, OrderHistoryCard, OrderPageHeader } from '@/features/laundry/components/order-blocks';
import { PriceBreakdown } from '@/features/laundry/components/price-breakdown';
import { OrderRack } from '@/features/laundry/racks/order-rack';
import { isOpen, serviceName } from '@/features/laundry/laundry-format';
import { PaymentsBlock } from '@/features/payments/components/payments-block';
import '@/features/laundry/laundry.css';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';

type Order = LaundryOrderDto;
type Line = NonNullable<Order['lines']>[number];

const STEP_LABEL = { in_progress: 'detail.start', ready: 'detail.markReady', collected: 'detail.markCollected', delivered: 'detail.markDelivered' } as const;

/** The last step can be undone when it was a forward step (not the intake, not itself an undo). */
function canRevert(order: Pick<Order, 'status' | 'history'>): boolean {
  const last = order.history?.at(-1);
  return Boolean(last && last.fromStatus !== null && !last.isRevert && last.toStatus === order.status);
}

function StatusActions({ order }: { order: Order }) {
  const { t } = useTranslation('laundry');
  const change = useChangeLaundryStatus();
  const revert = useRevertLaundryStatus(order.id);
  const [dialog, setDialog] = useState<'cancel' | 'revert' | null>(null);
  const forward = order.allowedNext.filter((s): s is keyof typeof STEP_LABEL => s !== 'cancelled');
  const last = order.history?.at(-1);
  if (!forward.length && !order.allowedNext.includes('cancelled') && !canRevert(order)) return null;

  const move = (status: LaundryStatusValue) => {
    if (!change.isPending) change.mutate({ id: order.id, status });
  };

  return (
    <Card id="status-actions-title" title={t('detail.statusActions')} titleHidden className="stack gap-3 status-actions">
      <div className="cluster status-actions__row">
        {forward.map((status, i) => (
          <Button
            key={status}
            variant={i === 0 ? 'primary' : 'secondary'}
            size="lg"
            onPress={() => move(status)}
            isPending={change.isPending && change.variables?.status === status}
            isDisabled={change.isPending}
          >
            <Icon name={status === 'in_progress' ? 'washer' : status === 'ready' ? 'checkCircle' : 'check'} size={20} />
            {t(STEP_LABEL[status])}
          </Button>
        ))}
        <span className="grow status-actions__spacer" />
        {canRevert(order) ? (
          <Button variant="ghost" onPress={() => setDialog('revert')}>
            <Icon name="refresh" size={18} />
            {t('detail.revert')}
          </Button>
        ) : null}
        {order.allowedNext.includes('cancelled') ? (
          <Button variant="danger" onPress={() => setDialog('cancel')}>
            <Icon name="close" size={18} />
            {t('detail.cancelOrder')}
          </Button>
        ) : null}
      </div>
      <ErrorNotice error={change.error && dialog === null ? change.error : null} />
      <ReasonDialog
        isOpen={dialog === 'cancel'}
        onOpenChange={(open) => setDialog(open ? 'cancel' : null)}
        title={t('detail.cancelTitle', { number: order.orderNumber })}
        text={t('detail.cancelText')}
        reasonLabel={t('detail.cancelReason')}
        requiredMessage={t('detail.reasonTooShort')}
        cancelLabel={t('common.close')}
        confirmLabel={t('detail.cancelConfirm')}
        pendingLabel={t('detail.cancelling')}
        isPending={change.isPending}
        error={dialog === 'cancel' ? change.error : null}
        onConfirm={(note) => change.mutate({ id: order.id, status: 'cancelled', note }, { onSuccess: () => setDialog(null) })}
      />
      <ReasonDialog
        isOpen={dialog === 'revert'}
        onOpenChange={(open) => {
          setDialog(open ? 'revert' : null);
          if (!open) revert.reset();
        }}
        title={t('detail.revertTitle')}
        text={last && last.fromStatus ? t('detail.revertText', { from: t(`status.${last.toStatus}`), to: t(`status.${last.fromStatus}`) }) : ''}
        reasonLabel={t('detail.revertReason')}
        requiredMessage={t('detail.reasonTooShort')}
        confirmLabel={t('detail.revertConfirm')}
        pendingLabel={t('detail.reverting')}
        isPending={revert.isPending}
        error={revert.error}
        tone="primary"
        onConfirm={(reason) => revert.mutate(reason, { onSuccess: () => setDialog(null) })}
      />
    </Card>
  );
}

function LinesCard({ order }: { order: Order }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const services = useLaundryServices();
  const remove = useRemoveLaundryLine(order.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Line | null>(null);
  const open = isOpen(order.status);
  const lines = order.lines ?? [];
  return (
    <Card
      id="lines-title"
      title={t('detail.linesTitle')}
      actions={
        open && services.data ? (
          <Button variant="soft" size="sm" onPress={() => setAdding(true)}>
            <Icon name="basket" size={16} />
            {t('detail.addLine')}
          </Button>
        ) : null
      }
    >
      <DataTable
        caption={t('detail.linesTitle')}
        className="lines-table"
        columns={[
          t('detail.service'),
          t('detail.amount'),
          t('detail.itemDetails'),
          { label: t('detail.unitPrice'), className: 'num' },
          { label: t('detail.lineTotal'), className: 'num' },
          ...(open ? [{ label: <span className="visually-hidden">{t('common.remove')}</span> }] : []),
        ]}
      >
          {lines.map((line) => (
            <tr key={line.id}>
              <td data-label={t('detail.service')} className="cell-main strong">
                {serviceName({ name: line.serviceName, nameEn: line.serviceNameEn }, locale)}
              </td>
              <td data-label={t('detail.amount')}>{lineAmount(line, t, locale)}</td>
              <td data-label={t('detail.itemDetails')} className="muted">
                {[line.itemType, line.itemCategory, line.conditionNotes, line.specialTreatment].filter(Boolean).join(' · ') || '—'}
              </td>
              <td data-label={t('detail.unitPrice')} className="num">
                {t('price.unitPrice', { price: formatMoney(line.unitPriceCents, locale), unit: t(`unit.${line.pricingUnit}`) })}
                {line.minimumApplied ? <span className="cell-note">{t('price.minimumApplied')}</span> : null}
                {line.clientPrice ? <span className="cell-note">{t('price.clientPrice')}</span> : null}
              </td>
              <td data-label={t('detail.lineTotal')} className="num strong">
                {formatMoney(line.totalCents, locale)}
              </td>
              {open ? (
                <td className="cell-actions">
                  {lines.length > 1 ? (
                    <Button variant="ghost" size="sm" onPress={() => setRemoving(line)} aria-label={`${t('common.remove')}: ${lineSummary(line, t, locale)}`}>
                      <Icon name="close" size={16} />
                      {t('common.remove')}
                    </Button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
      </DataTable>
      {services.data ? <AddLineDialog order={order} services={services.data} isOpen={adding} onOpenChange={setAdding} /> : null}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(value) => {
          if (!value) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('detail.removeLineTitle')}
        confirmLabel={t('detail.removeConfirm')}
        pendingLabel={t('detail.removing')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && !remove.isPending && remove.mutate({ lineId: removing.id, version: order.version }, { onSuccess: () => setRemoving(null) })}
      >
        {removing ? t('detail.removeLineText', { what: lineSummary(removing, t, locale) }) : ''}
      </ConfirmDialog>
    </Card>
  );
}

function DetailsCard({ order }: { order: Order }) {
  const { t } = useTranslation('laundry');
  const [editing, setEditing] = useState(false);
  const open = isOpen(order.status);
  return (
    <Card
      id="details-title"
      title={t('detail.detailsTitle')}
      actions={
        open ? (
          <Button variant="soft" size="sm" onPress={() => setEditing(true)}>
            <Icon name="sliders" size={16} />
            {t('detail.editDetails')}
          </Button>
        ) : null
      }
    >
      <OrderFacts order={order}>
        <div>
          <dt>{t('common.client')}</dt>
          <dd translate="no">
            {order.client.name}
            <span className="facts__sub">{[order.client.phone ? formatPhone(order.client.phone) : null, order.client.email].filter(Boolean).join(' · ')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('form.typeSection')}</dt>
          <dd>{t(`orderType.${order.orderType}`)}</dd>
        </div>
      </OrderFacts>
      {open ? <EditOrderDialog order={order} isOpen={editing} onOpenChange={setEditing} /> : null}
    </Card>
  );
}

/** One order for staff: status and its actions, lines, details, price, payments and history. */
export default function StaffOrderPage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const { id } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const query = useStaffOrder(Number(id));

  if (!query.isSuccess) return <QueryFallback query={query} />;
  const order = query.data;

  return (
    <>
      <OrderPageHeader
        order={order}
        backHref="/admin/laundry"
        backLabel={t('detail.backToList')}
        lead={`${order.client.name} · ${t('common.created')} ${formatDateTime(order.createdAt, locale)}`}
      />
      <div className="stack">
        {created ? <Notice tone="success">{t('form.created', { number: created })}</Notice> : null}
        <FromRequestLink requestId={order.requestId} base="/admin" />
        {!isOpen(order.status) ? <Notice tone="info">{t('detail.closedNotice')}</Notice> : null}
        <StatusActions order={order} />
        <OrderRack order={order} />
        <LinesCard order={order} />
        <StaffIntakeCondition orderId={order.id} items={order.items ?? []} isOpen={isOpen(order.status)} />
        <div className="detail-layout detail-layout--wide-side">
          <div className="stack">
            <DetailsCard order={order} />
            <ThreadPanel subject="laundry_order" subjectId={order.id} />
            <OrderHistoryCard title={t('detail.timelineTitle')} history={order.history ?? []} />
          </div>
          <div className="stack">
            <Card id="price-title" title={t('price.title')}>
              <PriceBreakdown breakdown={order} testId="order-price" />
            </Card>
            {order.payments ? (
              <PaymentsBlock
                target={{ line: 'laundry', id: order.id }}
                reference={order.orderNumber}
                clientName={order.client.name}
                summary={order.payments}
                cancelled={order.status === 'cancelled'}
                canIssueReceipt={(order.lines?.length ?? 0) > 0}
                onAccount={order.client.billing === 'monthly'}
                remindedAt={order.remindedAt}
              />
            ) : null}
          </div>
        </div>
      </div>
    </>
  );
}
