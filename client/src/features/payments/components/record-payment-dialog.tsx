import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PAYMENT_METHODS, PaymentMethod } from '@contracts/payments';
import { Button } from '@/components/button';
import { FormDialog } from '@/components/dialog';
import { FormCheckbox, FormTextArea } from '@/components/fields';
import { DateTimeField } from '@/components/date-fields';
import { RadioCards } from '@/components/form-controls';
import { Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { tokenResolver } from '@/lib/form-resolver';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import { fromLisbonInput, toLisbonInput } from '@/features/cleaning/components/lisbon-datetime';
import '@/features/payments/payments-strings';
import { useRecordPayment, type PaymentResultDto } from '@/features/payments/api/record-payment';
import type { PaymentTarget } from '@/features/payments/api/keys';
import { centsToEuroInput, parseEuroAmount } from '@/features/payments/euro-amount';
import { AmountField } from './amount-field';

/** A phone a little ahead of the server is not "the future" (the server allows 5 minutes too). */
const SKEW_MS = 60_000;

function formSchema() {
  const locale = currentLocale();
  return z
    .object({
      amount: z.string(),
      method: PaymentMethod,
      paidAt: z.string(),
      notes: z.string().trim().max(500),
      asTip: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const amount = parseEuroAmount(v.amount, locale);
      if (!amount.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: amount.problem });
      const at = fromLisbonInput(v.paidAt);
      if (!at) ctx.addIssue({ code: 'custom', path: ['paidAt'], message: 'dateRequired' });
      else if (new Date(at).getTime() > Date.now() + SKEW_MS) ctx.addIssue({ code: 'custom', path: ['paidAt'], message: 'future' });
    });
}
type Values = z.input<ReturnType<typeof formSchema>>;

export interface PaymentDue {
  /** What is still owed (null: no price or estimate yet). */
  balanceCents: number | null;
  basis: 'total' | 'estimate';
}

/**
 * Record money received against one order or job. The amount is typed in euros (decimal comma or
 * point); an amount above the balance needs the explicit "keep it as a tip". One Idempotency-Key per
 * opening of the dialog: a double click or a retry after a dropped connection records one payment.
 */
export function RecordPaymentDialog({
  target,
  reference,
  clientName,
  due,
  isOpen,
  onOpenChange,
  onRecorded,
}: {
  target: PaymentTarget;
  reference: string;
  clientName: string;
  due: PaymentDue;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onRecorded?: (result: PaymentResultDto) => void;
}) {
  const { t } = useTranslation('payments');
  const locale = currentLocale();
  const record = useRecordPayment();
  const idempotencyKey = useRef(newId());
  const submitting = useRef(false);
  const [serverBalance, setServerBalance] = useState<number | null>(null);
  // Most payments settle what is owed: the amount starts there and is changed for a part payment.
  const freshValues = (): Values => ({
    amount: due.balanceCents !== null && due.balanceCents > 0 ? centsToEuroInput(due.balanceCents, locale) : '',
    method: 'cash',
    paidAt: toLisbonInput(Date.now()),
    notes: '',
    asTip: false,
  });
  const form = useForm<Values>({ resolver: tokenResolver(formSchema()), defaultValues: freshValues() });

  useEffect(() => {
    if (!isOpen) return;
    idempotencyKey.current = newId();
    setServerBalance(null);
    record.reset();
    form.reset(freshValues());
    // Fresh for every opening: a new payment, a new key.
  }, [isOpen]);

  const amountText = useWatch({ control: form.control, name: 'amount' });
  const method = useWatch({ control: form.control, name: 'method' });
  const paidAt = useWatch({ control: form.control, name: 'paidAt' });
  const owed = Math.max(serverBalance ?? due.balanceCents ?? 0, 0);
  const parsed = parseEuroAmount(amountText, locale);
  const excess = parsed.ok ? parsed.cents - owed : 0;
  const showTip = excess > 0;
  const money = (cents: number) => formatMoney(cents, locale);

  const submit = form.handleSubmit((values) => {
    const amount = parseEuroAmount(values.amount, locale);
    if (!amount.ok || submitting.current) return;
    submitting.current = true;
    record.mutate(
      {
        target,
        amountCents: amount.cents,
        method: values.method,
        // Untouched, the server's own clock says when: exact to the second.
        paidAt: form.formState.dirtyFields.paidAt ? fromLisbonInput(values.paidAt) : undefined,
        notes: values.notes.trim() || null,
        asTip: showTip && values.asTip,
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (result) => {
          onRecorded?.(result);
          onOpenChange(false);
        },
        onError: (error) => {
          // A refusal is final for these details: a corrected attempt is a new request with a new key.
          if (isApiError(error) && error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_PROGRESS') idempotencyKey.current = newId();
          if (isApiError(error, 'PAYMENT_EXCEEDS_BALANCE')) {
            const balance = (error.details as { balanceCents?: number } | undefined)?.balanceCents;
            if (typeof balance === 'number') setServerBalance(balance);
          }
          if (isApiError(error, 'PAID_AT_IN_FUTURE')) form.setError('paidAt', { message: 'future' }, { shouldFocus: true });
        },
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  });

  const exceeded = isApiError(record.error, 'PAYMENT_EXCEEDS_BALANCE');
  // These two are explained at their field instead.
  const failure = record.error && !exceeded && !isApiError(record.error, 'PAID_AT_IN_FUTURE') ? record.error : null;
  const owedLine =
    due.balanceCents === null && serverBalance === null
      ? t('dialog.owedUnknown')
      : due.basis === 'estimate'
        ? t('dialog.owedEstimate', { amount: money(owed) })
        : t('dialog.owed', { amount: money(owed) });

  return (
    <FormDialog
      isOpen={isOpen}
      onClose={() => onOpenChange(false)}
      title={due.basis === 'estimate' ? t('dialog.depositTitle') : t('dialog.recordTitle')}
      description={t('dialog.for', { reference, client: clientName })}
      onSubmit={submit}
      confirmLabel={t('dialog.submit')}
      pendingLabel={t('dialog.submitting')}
      isPending={record.isPending}
      error={failure}
    >
      <p className="notice text-base strong" data-testid="pay-owed">
        {owedLine}
      </p>
      <div className="stack gap-2">
        <AmountField control={form.control} name="amount" label={t('dialog.amount')} description={t('dialog.amountHint')} />
        {owed > 0 ? (
          <div>
            <Button variant="soft" size="sm" onPress={() => form.setValue('amount', centsToEuroInput(owed, locale), { shouldValidate: true, shouldDirty: true })}>
              {t('dialog.fillBalance', { amount: money(owed) })}
            </Button>
          </div>
        ) : null}
      </div>
      {showTip ? (
        <div className="stack gap-2">
          {exceeded ? <Notice tone="warning">{t('dialog.exceeds', { excess: money(excess), owed: money(owed) })}</Notice> : null}
          <FormCheckbox control={form.control} name="asTip" description={t('dialog.asTipHint')}>
            {t('dialog.asTip', { amount: money(excess) })}
          </FormCheckbox>
        </div>
      ) : null}
      <RadioCards
        label={t('dialog.method')}
        orientation="horizontal"
        value={method}
        onChange={(value) => form.setValue('method', value as Values['method'], { shouldDirty: true })}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
      />
      <DateTimeField
        label={t('dialog.paidAt')}
        value={paidAt}
        max={toLisbonInput(Date.now())}
        onChange={(value) => form.setValue('paidAt', value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
        description={t('dialog.paidAtHint')}
        errorMessage={form.formState.errors.paidAt?.message ? t(`field.${form.formState.errors.paidAt.message as 'future'}`) : undefined}
      />
      <FormTextArea control={form.control} name="notes" label={t('dialog.notes')} description={t('dialog.notesHint')} rows={2} />
    </FormDialog>
  );
}
