import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { ConfirmDialog, FormDialog, ReasonDialog } from '@/components/dialog';
import { DateField, TimeField } from '@/components/date-fields';
import { TextAreaInput } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { SHELL_BASE } from '@/app/paths';
import { addDays, lisbonDate } from '@/lib/lisbon-time';
import type { ClientRequest } from '@/features/requests/api/keys';
import { useAcceptRequest, useDeclineRequest, useProposeRequest } from '@/features/requests/api/request-actions';
import { whenText } from '@/features/requests/request-format';
import '@/features/requests/requests-strings';

const base = SHELL_BASE.admin;

/**
 * What staff do with a request waiting on them: accept (the order or job form opens prefilled; a
 * delivery is confirmed here), propose another time, or decline with a reason the client reads.
 */
export function StaffRequestActions({ request }: { request: ClientRequest }) {
  const { t } = useTranslation('requests');
  const navigate = useNavigate();
  const [open, setOpen] = useState<'propose' | 'decline' | 'delivery' | null>(null);
  const [date, setDate] = useState(request.preferredDate < lisbonDate() ? addDays(lisbonDate(), 1) : request.preferredDate);
  const [from, setFrom] = useState(request.windowStart);
  const [to, setTo] = useState(request.windowEnd);
  const [note, setNote] = useState('');
  const propose = useProposeRequest();
  const decline = useDeclineRequest();
  const accept = useAcceptRequest();
  const waitingOnStaff = request.state === 'pending' || request.state === 'pending_confirmation';
  const open_ = waitingOnStaff || request.state === 'proposed';
  if (!open_) return null;

  const onAccept = () => {
    if (request.kind === 'pickup') void navigate(`${base}/laundry/new?fromRequest=${request.id}`);
    else if (request.kind === 'cleaning') void navigate(`${base}/cleaning/new?fromRequest=${request.id}`);
    else setOpen('delivery');
  };

  return (
    <div className="cluster gap-2">
      {waitingOnStaff ? (
        <Button variant="primary" onPress={onAccept}>
          <Icon name="check" size={18} />
          {request.kind === 'pickup' ? t('actions.acceptOrder') : request.kind === 'cleaning' ? t('actions.acceptJob') : t('actions.acceptDelivery')}
        </Button>
      ) : null}
      {waitingOnStaff ? (
        <Button variant="secondary" onPress={() => setOpen('propose')}>
          <Icon name="calendar" size={18} />
          {t('actions.propose')}
        </Button>
      ) : null}
      <Button variant="secondary" onPress={() => setOpen('decline')}>
        <Icon name="close" size={18} />
        {t('actions.decline')}
      </Button>

      <FormDialog
        isOpen={open === 'propose'}
        onClose={() => setOpen(null)}
        title={t('actions.propose')}
        onSubmit={() =>
          propose.mutate(
            { id: request.id, input: { version: request.version, date, windowStart: from, windowEnd: to, ...(note.trim() ? { note: note.trim() } : {}) } },
            { onSuccess: () => setOpen(null) },
          )
        }
        confirmLabel={t('actions.proposeConfirm')}
        pendingLabel={t('actions.working')}
        isPending={propose.isPending}
        error={propose.error}
      >
        <DateField label={t('form.date')} value={date} min={lisbonDate()} onChange={setDate} isRequired />
        <div className="form-grid">
          <TimeField label={t('form.from')} value={from} onChange={setFrom} isRequired />
          <TimeField label={t('form.to')} value={to} onChange={setTo} isRequired />
        </div>
        <TextAreaInput label={t('actions.note')} value={note} onChange={setNote} maxLength={2000} />
      </FormDialog>
      <ReasonDialog
        isOpen={open === 'decline'}
        onOpenChange={(o) => setOpen(o ? 'decline' : null)}
        title={t('actions.decline')}
        reasonLabel={t('actions.declineReason')}
        maxLength={2000}
        confirmLabel={t('actions.declineConfirm')}
        pendingLabel={t('actions.working')}
        isPending={decline.isPending}
        error={decline.error}
        onConfirm={(reason) => decline.mutate({ id: request.id, version: request.version, reason }, { onSuccess: () => setOpen(null) })}
      />

      <ConfirmDialog
        isOpen={open === 'delivery'}
        onOpenChange={(o) => setOpen(o ? 'delivery' : null)}
        title={t('actions.acceptDelivery')}
        confirmLabel={t('actions.acceptDelivery')}
        pendingLabel={t('actions.working')}
        tone="primary"
        isPending={accept.isPending}
        error={accept.error}
        onConfirm={() => accept.mutate({ id: request.id, input: { version: request.version } }, { onSuccess: () => setOpen(null) })}
      >
        {t('actions.acceptDeliveryText', { when: whenText(t, request.preferredDate, request.windowStart, request.windowEnd) })}
      </ConfirmDialog>
    </div>
  );
}
