import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentMethodValue } from '@contracts/payments';
import { Button } from '@/components/button';
import { FormDialog } from '@/components/dialog';
import { DateTimeField } from '@/components/date-fields';
import { RadioCards, TextAreaInput } from '@/components/form-controls';
import { Notice } from '@/components/notice';
import { QueryView } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import { fromLisbonInput, toLisbonInput } from '@/features/cleaning/components/lisbon-datetime';
import { useAmountMessage } from '@/features/payments/components/amount-field';
import { centsToEuroInput, eurosToCentsStrict, parseEuroAmount } from '@/features/payments/euro-amount';
import { useOpenDocuments } from '@/features/accounts/api/accounts-api';
import { useRecordClientPayment, type ClientPayment } from '@/features/accounts/api/client-payments';
import { allocationBody, documentKey, openDocuments, spreadOldestFirst } from '@/features/accounts/allocation';
import { AllocationLines, AllocationStatus } from './allocation-lines';
import '@/features/accounts/accounts-strings';
import '@/features/payments/payments-strings';

const SKEW_MS = 60_000;
const toInputs = (cents: Record<string, number>, locale: 'pt' | 'en') => Object.fromEntries(Object.entries(cents).map(([k, v]) => [k, centsToEuroInput(v, locale)]));

/** The document a refusal names in its details, as the dialog keys it. */
function keyOfDetails(details: unknown): string | null {
  const d = details as { serviceLine?: string; id?: number } | undefined;
  return d?.serviceLine && typeof d.id === 'number' ? documentKey({ serviceLine: d.serviceLine, id: d.id }) : null;
}

/**
 * One payment from a client over several open orders and jobs. The amount starts at everything owed and
 * is spread oldest first; any line can be changed, and the payment is sent only when the lines add up to
 * the amount and none is above what its document owes. One Idempotency-Key per opening.
 */
export function RecordClientPaymentDialog({ clientId, clientName, onClose, onRecorded }: { clientId: number; clientName: string; onClose: () => void; onRecorded: (p: ClientPayment) => void }) {
  const { t } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const locale = currentLocale();
  const amountMessage = useAmountMessage();
  const money = (cents: number) => formatMoney(cents, locale);
  const open = useOpenDocuments({ kind: 'staff', clientId }, true);
  const record = useRecordClientPayment();
  const idempotencyKey = useRef(newId());
  const docs = useMemo(() => openDocuments(open.data ?? []), [open.data]);
  const owedCents = docs.reduce((sum, d) => sum + d.outstandingCents, 0);

  const [amount, setAmount] = useState('');
  const [lines, setLines] = useState<Record<string, string>>({});
  const [method, setMethod] = useState<PaymentMethodValue>('cash');
  const [paidAt, setPaidAt] = useState(() => toLisbonInput(Date.now()));
  const [paidAtChanged, setPaidAtChanged] = useState(false);
  const [notes, setNotes] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverLine, setServerLine] = useState<{ key: string; message: string } | null>(null);
  const [serverAmount, setServerAmount] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const loaded = useRef(false);
  // Lines changed by hand: from then on the amount no longer re-spreads them.
  const touched = useRef(new Set<string>());

  // When the open documents arrive: the amount is everything owed, spread oldest first.
  useEffect(() => {
    if (!open.data || loaded.current) return;
    loaded.current = true;
    setAmount(owedCents > 0 ? centsToEuroInput(owedCents, locale) : '');
    setLines(toInputs(spreadOldestFirst(owedCents, docs), locale));
  }, [open.data]);

  const parsed = parseEuroAmount(amount, locale);
  const amountCents = parsed.ok ? parsed.cents : 0;
  const lineCents = Object.fromEntries(docs.map((d) => [d.key, (lines[d.key] ?? '').trim() === '' ? 0 : eurosToCentsStrict(lines[d.key]!, locale)]));
  const allocated = Object.values(lineCents).reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const remaining = amountCents - allocated;
  const lineErrors: Record<string, string | undefined> = {};
  for (const d of docs) {
    const cents = lineCents[d.key];
    if (cents === null || cents === undefined || !Number.isSafeInteger(cents)) lineErrors[d.key] = t('record.lineInvalid');
    else if (cents > d.outstandingCents) lineErrors[d.key] = t('record.lineExceeds', { amount: money(d.outstandingCents) });
  }
  if (serverLine && !lineErrors[serverLine.key]) lineErrors[serverLine.key] = serverLine.message;
  const amountError = !parsed.ok ? amountMessage(parsed.problem) : amountCents > owedCents ? t('record.amountExceeds', { amount: money(owedCents) }) : (serverAmount ?? undefined);
  const at = fromLisbonInput(paidAt);
  const paidAtError = !at ? tp('field.dateRequired') : new Date(at).getTime() > Date.now() + SKEW_MS ? tp('field.future') : undefined;
  const valid = !amountError && !paidAtError && remaining === 0 && Object.values(lineErrors).every((e) => !e);

  const clearServer = () => {
    setServerLine(null);
    setServerAmount(null);
    setRefusal(null);
  };
  const changeAmount = (value: string) => {
    setAmount(value);
    clearServer();
    const cents = parseEuroAmount(value, locale);
    // The lines follow the amount until someone changes one of them by hand.
    if (!Object.keys(lines).some((k) => touched.current.has(k))) setLines(toInputs(spreadOldestFirst(cents.ok ? cents.cents : 0, docs), locale));
  };

  const submit = () => {
    setSubmitted(true);
    if (!valid || record.isPending) return;
    clearServer();
    const cents = Object.fromEntries(Object.entries(lineCents).map(([k, v]) => [k, v ?? 0]));
    record.mutate(
      {
        clientId,
        amountCents,
        method,
        paidAt: paidAtChanged ? at : undefined,
        notes: notes.trim() || undefined,
        allocations: allocationBody(cents, docs),
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (payment) => onRecorded(payment),
        onError: (error) => {
          // A refusal is final for these details: a corrected attempt is a new request with a new key.
          if (isApiError(error) && error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_PROGRESS') idempotencyKey.current = newId();
          const details = isApiError(error) ? (error.details as Record<string, unknown> | undefined) : undefined;
          if (isApiError(error, 'ALLOCATION_EXCEEDS_OUTSTANDING')) {
            const key = keyOfDetails(details);
            const outstanding = typeof details?.outstandingCents === 'number' ? details.outstandingCents : undefined;
            if (key) setServerLine({ key, message: t('record.lineExceeds', { amount: outstanding === undefined ? '' : money(outstanding) }) });
            else setRefusal(t('record.unknownDocument'));
            void open.refetch();
          } else if (isApiError(error, 'PAYMENT_EXCEEDS_BALANCE')) {
            const balance = typeof details?.balanceCents === 'number' ? details.balanceCents : owedCents;
            setServerAmount(t('record.amountExceeds', { amount: money(balance) }));
          } else if (isApiError(error, 'ALLOCATION_MISMATCH')) {
            setRefusal(t('record.mismatch', { allocated: money(allocated), amount: money(amountCents) }));
          } else if (isApiError(error, 'UNKNOWN_DOCUMENT')) {
            setRefusal(t('record.unknownDocument'));
            void open.refetch();
          } else if (isApiError(error, 'NOTHING_OWED')) {
            setRefusal(t('record.nothingOwed'));
            void open.refetch();
          }
        },
      },
    );
  };
  const mapped = ['ALLOCATION_EXCEEDS_OUTSTANDING', 'PAYMENT_EXCEEDS_BALANCE', 'ALLOCATION_MISMATCH', 'UNKNOWN_DOCUMENT', 'NOTHING_OWED'];
  const failure = record.error && !mapped.some((code) => isApiError(record.error, code)) ? record.error : null;

  return (
    <FormDialog
      onClose={onClose}
      title={t('record.title')}
      description={t('record.description', { client: clientName })}
      size="lg"
      onSubmit={submit}
      confirmLabel={t('record.submit')}
      pendingLabel={t('record.submitting')}
      isPending={record.isPending}
      isDisabled={!open.isSuccess || docs.length === 0 || (submitted && !valid)}
      error={failure}
    >
      <QueryView query={open} title={t('record.title')}>
        {() => (
          <>
            {docs.length === 0 ? <Notice tone="info">{t('record.noOpen')}</Notice> : <p className="text-base strong">{t('record.owed', { amount: money(owedCents) })}</p>}
            <div>
              <TextInput
                label={t('record.amount')}
                description={t('record.amountHint')}
                value={amount}
                onChange={changeAmount}
                inputMode="decimal"
                autoComplete="off"
                errorMessage={submitted || serverAmount || (parsed.ok && amountCents > owedCents) ? amountError : undefined}
              />
              {owedCents > 0 ? (
                <Button variant="soft" size="sm" onPress={() => changeAmount(centsToEuroInput(owedCents, locale))}>
                  {t('record.fillOwed', { amount: money(owedCents) })}
                </Button>
              ) : null}
            </div>
            {docs.length > 0 ? (
              <>
                <AllocationLines
                  docs={docs}
                  lines={lines}
                  errors={Object.fromEntries(Object.entries(lineErrors).filter(([key]) => submitted || serverLine?.key === key || lineCents[key] !== 0))}
                  onChange={(key, value) => {
                    touched.current.add(key);
                    clearServer();
                    setLines((l) => ({ ...l, [key]: value }));
                  }}
                  onSpread={() => {
                    touched.current.clear();
                    setLines(toInputs(spreadOldestFirst(amountCents, docs), locale));
                  }}
                />
                <AllocationStatus remainingCents={remaining} />
              </>
            ) : null}
            {refusal ? <Notice tone="danger">{refusal}</Notice> : null}
            <RadioCards label={t('record.method')} orientation="horizontal" value={method} onChange={(v) => setMethod(v as PaymentMethodValue)} options={PAYMENT_METHODS.map((m) => ({ value: m, label: tp(`method.${m}`) }))} />
            <DateTimeField
              label={t('record.paidAt')}
              value={paidAt}
              max={toLisbonInput(Date.now())}
              onChange={(value) => {
                setPaidAt(value);
                setPaidAtChanged(true);
              }}
              description={t('record.paidAtHint')}
              errorMessage={submitted ? paidAtError : undefined}
            />
            <TextAreaInput label={t('record.notes')} description={t('record.notesHint')} value={notes} onChange={setNotes} rows={2} maxLength={500} />
          </>
        )}
      </QueryView>
    </FormDialog>
  );
}
