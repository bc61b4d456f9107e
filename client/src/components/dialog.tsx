import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '@/components/button';
import '@/components/ui-strings';
import { Icon } from '@/components/icon';
import { TextAreaInput } from '@/components/form-controls';
import { ErrorNotice } from '@/components/notice';
import './dialog.css';

/**
 * A modal dialog with a title and a close button: focus stays inside, Escape closes it, and focus
 * returns to what opened it. On phones it fills the width like a sheet.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  description,
  children,
  size = 'md',
  isDismissable = true,
  role = 'dialog',
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** false while something must not be lost by a stray click outside (a secret shown once). */
  isDismissable?: boolean;
  role?: 'dialog' | 'alertdialog';
}) {
  const { t } = useTranslation('ui');
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable} isKeyboardDismissDisabled={!isDismissable} className="modal-overlay">
      <Modal className={`modal modal--${size}`}>
        <Dialog className="modal__dialog stack gap-3" role={role}>
          <div className="split">
            <div className="modal__titles stack gap-1">
              <Heading slot="title" className="modal__title">
                {title}
              </Heading>
              {description ? <p className="muted">{description}</p> : null}
            </div>
            <Button variant="ghost" iconOnly aria-label={t('close')} onPress={() => onOpenChange(false)} className="modal__close">
              <Icon name="close" size={20} />
            </Button>
          </div>
          <div className="modal__body stack gap-4">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The buttons row at the bottom of a dialog or form; inside a dialog it stays in view while the body scrolls. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="cluster justify-end modal__actions">{children}</div>;
}

/**
 * The standard footer of a dialog that does something: the server's refusal (when there is one), a
 * way out and the action, named for what it does. Without `onConfirm` the action submits the dialog's
 * form. While pending, neither can be pressed twice; `tone="danger"` for what cannot be undone.
 */
export function DialogFooter({
  onCancel,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  onConfirm,
  isPending,
  isDisabled,
  tone = 'primary',
  error,
  errorMessages,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  confirmLabel: ReactNode;
  pendingLabel?: ReactNode;
  onConfirm?: () => void;
  isPending?: boolean;
  isDisabled?: boolean;
  tone?: 'primary' | 'danger';
  error?: unknown;
  errorMessages?: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation('ui');
  return (
    <>
      <ErrorNotice error={error} messages={errorMessages} />
      <DialogActions>
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          {cancelLabel ?? t('cancel')}
        </Button>
        <Button
          type={onConfirm ? 'button' : 'submit'}
          variant={tone}
          className={tone === 'danger' ? 'btn--danger-solid' : undefined}
          onPress={onConfirm}
          isPending={isPending}
          pendingLabel={pendingLabel}
          isDisabled={isDisabled}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </>
  );
}

/** What every dialog that does something names: its title, its action (while pending too) and a refusal. */
interface ActionDialogProps {
  onOpenChange: (open: boolean) => void;
  title: string;
  confirmLabel: string;
  /** When staying put is itself a choice worth naming ("Stay signed in"). */
  cancelLabel?: string;
  pendingLabel?: string;
  isPending?: boolean;
  error?: unknown;
  /** Messages of its own for some refusals, by error code. */
  errorMessages?: Partial<Record<string, string>>;
  tone?: 'danger' | 'primary';
}

/**
 * "Are you sure?" for an action with consequences: says what will happen, names the action on the
 * button (never a bare "OK"), and shows the failure in place when the server refuses.
 */
export function ConfirmDialog({ isOpen, onOpenChange, title, children, onConfirm, tone = 'danger', ...footer }: ActionDialogProps & { isOpen: boolean; children: ReactNode; onConfirm: () => void }) {
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} size="sm" role="alertdialog">
      <div className="modal__text muted stack gap-2">{children}</div>
      <DialogFooter {...footer} onCancel={() => onOpenChange(false)} onConfirm={onConfirm} tone={tone} />
    </ModalDialog>
  );
}

/**
 * A dialog that is a form: the title, the fields (`children`) and the standard footer, whose action
 * submits the form. `onSubmit` receives the event with its default already prevented (a react-hook-form
 * `handleSubmit(...)` can be passed as it is). While the action runs the dialog cannot be closed, so a
 * save in flight is never hidden behind a closed dialog.
 */
export function FormDialog({
  isOpen = true,
  onClose,
  title,
  description,
  size = 'md',
  role = 'dialog',
  onSubmit,
  children,
  ...footer
}: Omit<ActionDialogProps, 'onOpenChange'> & {
  isOpen?: boolean;
  onClose: () => void;
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  role?: 'dialog' | 'alertdialog';
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  children: ReactNode;
  isDisabled?: boolean;
}) {
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={(open) => !open && !footer.isPending && onClose()} title={title} description={description} size={size} role={role}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(event);
        }}
      >
        {children}
        <DialogFooter {...footer} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}

/**
 * Confirms an action that needs a reason (cancel, undo, waive, correct) or takes an optional text (a
 * closing note: `isReasonRequired={false}`): a required reason has at least three characters, as the
 * server asks; `children` adds what else the action needs (above the reason), the standard footer
 * names the action and shows a refusal in place. Every opening starts with an empty reason; while the
 * action runs the dialog stays open.
 */
export function ReasonDialog({
  isOpen = true,
  onOpenChange,
  title,
  description,
  text,
  reasonLabel,
  reasonHint,
  requiredMessage,
  isReasonRequired = true,
  maxLength = 500,
  children,
  onConfirm,
  tone = 'danger',
  role = 'alertdialog',
  ...footer
}: ActionDialogProps & {
  isOpen?: boolean;
  description?: ReactNode;
  text?: ReactNode;
  reasonLabel: string;
  reasonHint?: string;
  /** What to say when the reason is missing or too short. */
  requiredMessage?: string;
  isReasonRequired?: boolean;
  maxLength?: number;
  children?: ReactNode;
  onConfirm: (reason: string) => void;
  role?: 'dialog' | 'alertdialog';
}) {
  const { t } = useTranslation('ui');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!isOpen) return;
    setReason('');
    setTried(false);
  }, [isOpen]);
  const missing = isReasonRequired && reason.trim().length < 3;
  return (
    <FormDialog
      {...footer}
      isOpen={isOpen}
      onClose={() => onOpenChange(false)}
      title={title}
      description={description}
      role={role}
      tone={tone}
      onSubmit={() => {
        setTried(true);
        if (!missing && !footer.isPending) onConfirm(reason.trim());
      }}
    >
      {text ? <p className="modal__text muted">{text}</p> : null}
      {children}
      <TextAreaInput
        label={reasonLabel}
        description={reasonHint}
        value={reason}
        onChange={setReason}
        rows={2}
        maxLength={maxLength}
        isRequired={isReasonRequired}
        errorMessage={tried && missing ? (requiredMessage ?? t('reasonRequired')) : undefined}
      />
    </FormDialog>
  );
}
