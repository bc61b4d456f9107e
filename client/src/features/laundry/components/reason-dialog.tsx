import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Notice } from '@/components/notice';
import { useDescribeError } from '@/lib/error-message';
import { TextAreaInput } from './form-bits';
import { LaundryModal, ModalActions } from './laundry-modal';

/**
 * Confirms an action that needs a reason (cancel an order, undo a step): the reason is required (at
 * least three characters, as the server asks), the button names the action, a refusal shows in place.
 */
export function ReasonDialog({
  isOpen,
  onOpenChange,
  title,
  text,
  reasonLabel,
  confirmLabel,
  pendingLabel,
  onConfirm,
  isPending,
  error,
  tone = 'danger',
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  text: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: (reason: string) => void;
  isPending: boolean;
  error: unknown;
  tone?: 'danger' | 'primary';
}) {
  const { t } = useTranslation('laundry');
  const describe = useDescribeError();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => {
    if (isOpen) {
      setReason('');
      setTooShort(false);
    }
  }, [isOpen]);
  const failure = error ? describe(error) : null;
  return (
    <LaundryModal isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      <form
        className="stack stack--sm"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim().length < 3) {
            setTooShort(true);
            return;
          }
          if (!isPending) onConfirm(reason.trim());
        }}
      >
        <p className="laundry-modal__text">{text}</p>
        <TextAreaInput label={reasonLabel} value={reason} onChange={setReason} rows={3} autoFocus errorMessage={tooShort ? t('detail.reasonTooShort') : undefined} />
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        <ModalActions>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.close')}
          </Button>
          <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} isPending={isPending} pendingLabel={pendingLabel}>
            {confirmLabel}
          </Button>
        </ModalActions>
      </form>
    </LaundryModal>
  );
}

/** "Are you sure?" without a reason (removing a line). */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  text,
  confirmLabel,
  pendingLabel,
  onConfirm,
  isPending,
  error,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => void;
  isPending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('laundry');
  const describe = useDescribeError();
  const failure = error ? describe(error) : null;
  return (
    <LaundryModal isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      <div className="stack stack--sm">
        <p className="laundry-modal__text">{text}</p>
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        <ModalActions>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.close')}
          </Button>
          <Button variant="danger" onPress={() => !isPending && onConfirm()} isPending={isPending} pendingLabel={pendingLabel}>
            {confirmLabel}
          </Button>
        </ModalActions>
      </div>
    </LaundryModal>
  );
}
