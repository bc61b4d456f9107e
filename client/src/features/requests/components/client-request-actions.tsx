import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import type { ClientRequest } from '@/features/requests/api/keys';
import { useAcceptProposal, useCancelRequest, useDeclineProposal } from '@/features/requests/api/request-actions';
import '@/features/requests/requests-strings';

/** The client's answers: take or refuse a proposed time, or cancel the request until it is accepted. */
export function ClientRequestActions({ request }: { request: ClientRequest }) {
  const { t } = useTranslation('requests');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const acceptProposal = useAcceptProposal();
  const declineProposal = useDeclineProposal();
  const cancel = useCancelRequest();
  const cancellable = request.state === 'pending' || request.state === 'proposed' || request.state === 'pending_confirmation';
  if (!cancellable) return null;
  const failure = acceptProposal.error ?? declineProposal.error;
  return (
    <div className="stack">
      <ErrorNotice error={failure} />
      <div className="cluster gap-2">
        {request.state === 'proposed' ? (
          <>
            <Button variant="primary" isPending={acceptProposal.isPending} pendingLabel={t('actions.working')} onPress={() => acceptProposal.mutate({ id: request.id, version: request.version })}>
              <Icon name="check" size={18} />
              {t('actions.acceptProposal')}
            </Button>
            <Button variant="secondary" isPending={declineProposal.isPending} pendingLabel={t('actions.working')} onPress={() => declineProposal.mutate({ id: request.id, version: request.version })}>
              {t('actions.declineProposal')}
            </Button>
          </>
        ) : null}
        <Button variant="ghost" onPress={() => setConfirmCancel(true)}>
          {t('actions.cancel')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={t('actions.cancel')}
        confirmLabel={t('actions.cancelConfirm')}
        cancelLabel={t('actions.keep')}
        pendingLabel={t('actions.working')}
        isPending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate({ id: request.id, version: request.version }, { onSuccess: () => setConfirmCancel(false) })}
      >
        {t('actions.cancelText')}
      </ConfirmDialog>
    </div>
  );
}
