import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriorityValue } from '@contracts/tickets';
import { Button } from '@/components/button';
import { ReasonDialog } from '@/components/dialog';
import { SelectInput } from '@/components/fields';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { Card } from '@/components/card';
import '@/components/ui-strings';
import type { Principal } from '@/features/auth/api/get-session';
import type { Ticket } from '@/features/tickets/api/keys';
import { useAssignees } from '@/features/tickets/api/pickers';
import { useCloseTicket, useReopenTicket, useResolveTicket, useUpdateTicket } from '@/features/tickets/api/ticket-actions';
import '@/features/tickets/tickets-strings';

type Dialog = 'resolve' | 'close' | 'reopen' | null;

/**
 * The office's controls on a ticket (master and admin only, as the API allows): assign, prioritise,
 * start, resolve with what was done, close, reopen. Each sends the version that was read.
 */
export function TicketManage({ ticket, principal }: { ticket: Ticket; principal: Principal }) {
  const { t } = useTranslation('tickets');
  const staff = useAssignees(true);
  const update = useUpdateTicket();
  const resolve = useResolveTicket();
  const close = useCloseTicket();
  const reopen = useReopenTicket();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closed = ticket.status === 'closed';
  const settled = ticket.status === 'resolved' || closed;

  const people = [
    { value: String(principal.id), label: t('detail.assignMe', { name: principal.name }) },
    ...(staff.data ?? []).filter((s) => s.id !== principal.id).map((s) => ({ value: String(s.id), label: s.name })),
  ];
  if (ticket.assignee && !people.some((p) => p.value === String(ticket.assignee!.id))) people.push({ value: String(ticket.assignee.id), label: ticket.assignee.name });

  const patch = (input: Record<string, unknown>) => update.mutate({ id: ticket.id, input: { version: ticket.version, ...input } });
  // A stale version was reloaded already (ticket-actions): say so rather than only "reload".
  const staleMessage = { STALE_VERSION: t('detail.stale') };
  const tooShort = t('validation.tooShort', { ns: 'translation', count: 3 });
  const closeDialog = () => {
    setDialog(null);
    resolve.reset();
    close.reset();
    reopen.reset();
  };

  // The text each action asks for: what was done, an optional closing note, why it reopens.
  const dialogs = {
    resolve: {
      texts: { title: t('detail.resolveTitle'), description: t('detail.resolveLead'), reasonLabel: t('detail.resolutionField'), confirmLabel: t('detail.resolveConfirm') },
      action: resolve,
      send: (resolution: string) => resolve.mutate({ id: ticket.id, version: ticket.version, resolution }, { onSuccess: closeDialog }),
    },
    close: {
      texts: { title: t('detail.closeTitle'), description: t('detail.closeLead'), reasonLabel: t('detail.closeNote'), confirmLabel: t('detail.closeConfirm'), isReasonRequired: false },
      action: close,
      send: (note: string) => close.mutate({ id: ticket.id, version: ticket.version, note: note || undefined }, { onSuccess: closeDialog }),
    },
    reopen: {
      texts: { title: t('detail.reopenTitle'), reasonLabel: t('detail.reopenReason'), confirmLabel: t('detail.reopenConfirm') },
      action: reopen,
      send: (reason: string) => reopen.mutate({ id: ticket.id, version: ticket.version, reason }, { onSuccess: closeDialog }),
    },
  };
  const shown = dialog ? dialogs[dialog] : null;

  return (
    <Card id="ticket-manage-title" title={t('detail.manage')} className="stack gap-4 detail-layout__sticky ticket-manage">
      <div className="stack gap-3">
        <SelectInput
          label={t('detail.assign')}
          value={ticket.assignee ? String(ticket.assignee.id) : ''}
          placeholder={t('detail.nobody')}
          options={people}
          isDisabled={closed || update.isPending}
          onChange={(value) => patch({ assigneeId: value ? Number(value) : null })}
        />
        <SelectInput
          label={t('detail.changePriority')}
          value={ticket.priority}
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          isDisabled={closed || update.isPending}
          onChange={(value) => patch({ priority: value as TicketPriorityValue })}
        />
      </div>
      <ErrorNotice error={update.error} messages={staleMessage} />
      <div className="stack gap-2">
        {ticket.status === 'open' ? (
          <Button onPress={() => patch({ status: 'in_progress' })} isPending={update.isPending}>
            <Icon name="play" size={18} />
            {t('detail.startWork')}
          </Button>
        ) : null}
        {ticket.status === 'in_progress' ? (
          <Button variant="ghost" onPress={() => patch({ status: 'open' })} isPending={update.isPending}>
            {t('detail.backToOpen')}
          </Button>
        ) : null}
        {!settled ? (
          <Button variant="primary" onPress={() => setDialog('resolve')}>
            <Icon name="checkCircle" size={18} />
            {t('detail.resolve')}
          </Button>
        ) : null}
        {!closed ? (
          <Button variant="secondary" onPress={() => setDialog('close')}>
            <Icon name="lock" size={18} />
            {t('detail.close')}
          </Button>
        ) : null}
        {settled ? (
          <Button variant="secondary" onPress={() => setDialog('reopen')}>
            <Icon name="refresh" size={18} />
            {t('detail.reopen')}
          </Button>
        ) : null}
      </div>
      {shown ? (
        <ReasonDialog
          key={dialog}
          role="dialog"
          tone="primary"
          maxLength={2000}
          requiredMessage={tooShort}
          errorMessages={staleMessage}
          {...shown.texts}
          isPending={shown.action.isPending}
          error={shown.action.error}
          onOpenChange={(open) => !open && closeDialog()}
          onConfirm={shown.send}
        />
      ) : null}
    </Card>
  );
}
