import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { PaymentDto } from '@contracts/payments';
import { FormDialog } from '@/components/dialog';
import { FormTextArea } from '@/components/fields';
import { tokenResolver } from '@/lib/form-resolver';
import { formatDateTime, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/payments/payments-strings';
import type { PaymentTarget } from '@/features/payments/api/keys';
import { useVoidPayment } from '@/features/payments/api/void-payment';

const VoidForm = z.object({ reason: z.string().trim().min(3).max(500) });
type Values = z.input<typeof VoidForm>;

/** Void a wrong payment or refund with a reason: it stays on record, struck through, and stops counting. */
export function VoidDialog({ target, payment, onClose, onVoided }: { target: PaymentTarget; payment: PaymentDto | null; onClose: () => void; onVoided?: () => void }) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const voiding = useVoidPayment(target);
  const form = useForm<Values>({ resolver: tokenResolver(VoidForm), defaultValues: { reason: '' } });

  useEffect(() => {
    if (!payment) return;
    voiding.reset();
    form.reset({ reason: '' });
  }, [payment?.id]);

  const submit = form.handleSubmit((values) => {
    if (!payment || voiding.isPending) return;
    voiding.mutate(
      { id: payment.id, reason: values.reason.trim() },
      {
        onSuccess: () => {
          onVoided?.();
          onClose();
        },
      },
    );
  });

  return (
    <FormDialog
      isOpen={payment !== null}
      onClose={onClose}
      title={t('dialog.voidTitle')}
      size="sm"
      role="alertdialog"
      onSubmit={submit}
      confirmLabel={t('dialog.voidSubmit')}
      pendingLabel={t('dialog.voiding')}
      isPending={voiding.isPending}
      tone="danger"
      error={voiding.error}
    >
      {payment ? (
        <p className="modal__text muted">
          {t('dialog.voidText', {
            kind: t(`kindLower.${payment.kind}`),
            amount: formatMoney(payment.amountCents, locale),
            method: t(`method.${payment.method}`),
            date: formatDateTime(payment.paidAt, locale, 'short'),
          })}
        </p>
      ) : null}
      <FormTextArea control={form.control} name="reason" label={t('dialog.reason')} description={t('dialog.voidReasonHint')} rows={2} />
    </FormDialog>
  );
}
