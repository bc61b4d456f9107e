import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryOrderDto, LaundryServiceDto } from '@contracts/laundry';
import { FormDialog } from '@/components/dialog';
import { isApiError } from '@/lib/api-error';
import { useAddLaundryLine } from '@/features/laundry/api/add-laundry-line';
import { buildOrder, emptyDraft, emptyLine, fieldOfServerPath, type DraftErrors, type LineDraft } from '@/features/laundry/order-draft';
import { LineEditor } from './line-editor';

/** One more line on an open order (the order's version goes with it; the server reprices). */
export function AddLineDialog({
  order,
  services,
  isOpen,
  onOpenChange,
}: {
  order: LaundryOrderDto;
  services: LaundryServiceDto[];
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('laundry');
  const add = useAddLaundryLine(order.id);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [errors, setErrors] = useState<DraftErrors>({});

  useEffect(() => {
    if (isOpen) {
      setLines([emptyLine(String(services.find((s) => s.isActive)?.id ?? ''))]);
      setErrors({});
      add.reset();
    }
    // Reset only when the dialog opens.
  }, [isOpen]);

  const submit = () => {
    // The same line rules as the intake form: checked through the create contract with a stand-in client.
    const built = buildOrder({ ...emptyDraft(), clientId: order.client.id, lines }, services, '');
    const lineErrors = Object.fromEntries(Object.entries(built.errors).filter(([key]) => key.startsWith('lines.')));
    setErrors(lineErrors);
    const line = built.body?.lines[0];
    if (!line || add.isPending) return;
    add.mutate(
      { ...line, version: order.version },
      {
        onSuccess: () => onOpenChange(false),
        onError: (error) => {
          if (isApiError(error)) setErrors(Object.fromEntries(error.fieldIssues.map((i) => [fieldOfServerPath(i.path).replace(/^(?!lines\.)/, 'lines.0.'), `api:${error.code}`])));
        },
      },
    );
  };

  return (
    <FormDialog
      size="lg"
      isOpen={isOpen}
      onClose={() => onOpenChange(false)}
      title={t('detail.addLineTitle')}
      onSubmit={submit}
      confirmLabel={t('detail.addLineSubmit')}
      pendingLabel={t('detail.adding')}
      isPending={add.isPending}
      error={add.error}
    >
      <LineEditor lines={lines} services={services} errors={errors} prices={new Map()} onChange={setLines} single />
    </FormDialog>
  );
}
