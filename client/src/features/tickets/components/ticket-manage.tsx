import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriorityValue } from '@contracts/tickets';
import { Button } from '@/components/button';
import { DialogFooter, ModalDialog } from '@/components/dialog';
import { SelectInput } from '@/components/fields';
import { TextAreaInput } from '@/components/form-controls';
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

/** A failure of a ticket action; a stale version was reloaded already (ticket-actions): say so rather than only "reload". */
function TicketFailure({ error }: { error: unknown }) {
  const { t } = useTranslation('tickets');
  return <ErrorNotice error={error} messages={{ STALE_VERSION: t('detail.stale') }} />;
}

/** A text the action needs (what was done, why it reopens, a closing note), in a small dialog. */
function TextActionDialog({
  title,
  lead,
  label,
  confirm,
  required,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  lead?: string;
  label: string;
  confirm: string;
  required: boolean;
  isPending: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('tickets');
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={title} description={lead} size="sm">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (required && text.trim().length < 3) return setTooShort(true);
          onConfirm(text.trim());
        }}
      >
        <TextAreaInput
          label={label}
          value={text}
          onChange={(value) => {
            setText(value);
            setTooShort(false);
          }}
          maxLength={2000}
          isRequired={required}
          errorMessage={tooShort ? t('validation.tooShort', { ns: 'translation', count: 3 }) : undefined}
        />
        <TicketFailure error={error} />
        <DialogFooter onCancel={onClose} confirmLabel={confirm} isPending={isPending} />
      </form>
    </ModalDialog>
  );
}

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
  const closeDialog = () => {
    setDialog(null);
    resolve.reset();
    close.reset();
    reopen.reset();
  };

  return (
    <Card id="ticket-manage-title" title={t('detail.manage')} className="stack gap-4 ticket-manage">
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
      <TicketFailure error={update.error} />
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
      {dialog === 'resolve' ? (
        <TextActionDialog
          title={t('detail.resolveTitle')}
          lead={t('detail.resolveLead')}
          label={t('detail.resolutionField')}
          confirm={t('detail.resolveConfirm')}
          required
          isPending={resolve.isPending}
          error={resolve.error}
          onClose={closeDialog}
          onConfirm={(resolution) => resolve.mutate({ id: ticket.id, version: ticket.version, resolution }, { onSuccess: closeDialog })}
        />
      ) : null}
      {dialog === 'close' ? (
        <TextActionDialog
          title={t('detail.closeTitle')}
          lead={t('detail.closeLead')}
          label={t('detail.closeNote')}
          confirm={t('detail.closeConfirm')}
          required={false}
          isPending={close.isPending}
          error={close.error}
          onClose={closeDialog}
          onConfirm={(note) => close.mutate({ id: ticket.id, version: ticket.version, note: note || undefined }, { onSuccess: closeDialog })}
        />
      ) : null}
      {dialog === 'reopen' ? (
        <TextActionDialog
          title={t('detail.reopenTitle')}
          label={t('detail.reopenReason')}
          confirm={t('detail.reopenConfirm')}
          required
          isPending={reopen.isPending}
          error={reopen.error}
          onClose={closeDialog}
          onConfirm={(reason) => reopen.mutate({ id: ticket.id, version: ticket.version, reason }, { onSuccess: closeDialog })}
        />
      ) : null}
    </Card>
  );
}
