import { useTranslation } from 'react-i18next';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { MAX_PAYMENT_CENTS } from '@contracts/payments';
import { TextInput } from '@/components/text-field';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/payments/payments-strings';
import type { EuroAmount } from '@/features/payments/euro-amount';

type Problem = Extract<EuroAmount, { ok: false }>['problem'];
const PROBLEMS = new Set<string>(['empty', 'invalid', 'zero', 'tooLarge', 'refundTooLarge']);

/** A field error token of the payment forms (`empty`, `tooLarge`…) as a sentence. */
export function useAmountMessage(maxCents = MAX_PAYMENT_CENTS) {
  const { t } = useTranslation('payments');
  return (token: string | undefined): string | undefined => {
    if (!token) return undefined;
    if (PROBLEMS.has(token)) return t(`amountProblem.${token as Problem | 'refundTooLarge'}`, { max: formatMoney(maxCents, currentLocale()) });
    return t('amountProblem.invalid');
  };
}

/**
 * The euros of a payment or refund, typed as text: "12,50" and "12.50" both work (no number spinner
 * that would round or reject a comma), with a numeric keyboard on phones.
 */
export function AmountField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  maxCents,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  /** The most this field takes (named in the "too large" message). */
  maxCents?: number;
}) {
  const message = useAmountMessage(maxCents);
  const { field, fieldState } = useController({ control, name });
  return (
    <TextInput
      label={label}
      description={description}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      inputMode="decimal"
      autoComplete="off"
      errorMessage={message(fieldState.error?.message)}
    />
  );
}
