import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PAYMENT_METHODS, PaymentMethod, type PaymentMethodValue } from '@contracts/payments';
import { FormDialog } from '@/components/dialog';
import { FormTextArea } from '@/components/fields';
import { RadioCards } from '@/components/form-controls';
import { isApiError } from '@/lib/api-error';
import { tokenResolver } from '@/lib/form-resolver';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import '@/features/payments/payments-strings';
import type { PaymentTarget } from '@/features/payments/api/keys';
import type { PaymentResultDto } from '@/features/payments/api/record-payment';
import { useRecordRefund } from '@/features/payments/api/record-refund';
import { parseEuroAmount } from '@/features/payments/euro-amount';
import { AmountField } from './amount-field';

function formSchema(refundableCents: number) {
  const locale = currentLocale();
  return z
    .object({ amount: z.string(), method: PaymentMethod, reason: z.string() })
    .superRefine((v, ctx) => {
      const amount = parseEuroAmount(v.amount, locale, refundableCents);
      if (!amount.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: amount.problem === 'tooLarge' ? 'refundTooLarge' : amount.problem });
      if (v.reason.trim().length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'tooShort:3' });
      if (v.reason.trim().length > 500) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'tooLong:500' });
    });
}
type Values = z.input<ReturnType<typeof formSchema>>;

/** Money going back to the client: its own record (amount, how, why), never an edit of a payment. */
export function RefundDialog({
  target,
  reference,
  refundableCents,
  defaultMethod,
  isOpen,
  onOpenChange,
  onRecorded,
}: {
  target: PaymentTarget;
  reference: string;
  /** Paid and not yet refunded: the most that can go back. */
  refundableCents: number;
  defaultMethod: PaymentMethodValue;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onRecorded?: (result: PaymentResultDto) => void;
}) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const refund = useRecordRefund();
  const idempotencyKey = useRef(newId());
  const form = useForm<Values>({ resolver: tokenResolver(formSchema(refundableCents)), defaultValues: { amount: '', method: defaultMethod, reason: '' } });
  const method = useWatch({ control: form.control, name: 'method' });

  useEffect(() => {
    if (!isOpen) return;
    idempotencyKey.current = newId();
    refund.reset();
    form.reset({ amount: '', method: defaultMethod, reason: '' });
  }, [isOpen]);

  const submit = form.handleSubmit((values) => {
    const amount = parseEuroAmount(values.amount, locale, refundableCents);
    if (!amount.ok || refund.isPending) return;
    refund.mutate(
      { target, amountCents: amount.cents, method: values.method, reason: values.reason.trim(), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (result) => {
          onRecorded?.(result);
          onOpenChange(false);
        },
        onError: (error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_PROGRESS') idempotencyKey.current = newId();
        },
      },
    );
  });
  const money = formatMoney(refundableCents, locale);

  return (
    <FormDialog
      isOpen={isOpen}
      onClose={() => onOpenChange(false)}
      title={t('dialog.refundTitle')}
      description={`${reference} · ${t('dialog.refundable', { amount: money })}`}
      onSubmit={submit}
      confirmLabel={t('dialog.refundSubmit')}
      pendingLabel={t('dialog.refunding')}
      isPending={refund.isPending}
      error={refund.error}
    >
      <AmountField control={form.control} name="amount" label={t('dialog.refundAmount')} description={t('dialog.amountHint')} maxCents={refundableCents} />
      <RadioCards
        label={t('dialog.refundMethod')}
        orientation="horizontal"
        value={method}
        onChange={(value) => form.setValue('method', value as PaymentMethodValue)}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
      />
      <FormTextArea control={form.control} name="reason" label={t('dialog.reason')} description={t('dialog.refundReasonHint')} rows={2} />
    </FormDialog>
  );
}

