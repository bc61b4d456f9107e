import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';

/**
 * A modal dialog: focus stays inside, Escape closes it, focus returns to what opened it; on a phone it
 * rises from the bottom like a sheet.
 */
export function LaundryModal({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  const { t } = useTranslation('laundry');
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="laundry-modal-overlay">
      <Modal className="laundry-modal">
        <Dialog role={role} className="laundry-modal__dialog">
          <div className="laundry-modal__header">
            <Heading slot="title" className="laundry-modal__title">
              {title}
            </Heading>
            <Button variant="ghost" iconOnly aria-label={t('common.close')} onPress={() => onOpenChange(false)}>
              <Icon name="close" size={20} />
            </Button>
          </div>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function ModalActions({ children }: { children: ReactNode }) {
  return <div className="laundry-modal__actions">{children}</div>;
}
