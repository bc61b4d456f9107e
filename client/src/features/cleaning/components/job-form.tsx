import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { CLEANING_LIMITS } from '@contracts/cleaning';
import { Button, ButtonLink } from '@/components/button';
import { DialogActions, ModalDialog } from '@/components/dialog';
import { DateField, TimeField } from '@/components/date-fields';
import { NumberInput, RadioCards, SearchSelectField, SelectField, TextAreaInput } from '@/components/form-controls';
import { ErrorNotice, Notice } from '@/components/notice';
import { ApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { formatMoney, formatPhone } from '@/lib/format';
import { formErrorMap, validationMessage } from '@/lib/form-validation';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';
import { addDays, calendarDate, lisbonDate } from '@/lib/lisbon-time';
import { useClientSearch } from '@/features/clients/api/client-options';
import { useClientProperties, useDefaultHourlyRate, useWorkers } from '@/features/cleaning/api/pickers';
import { useClientHourlyRate } from '@/features/client-prices/api/client-prices';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { WorkerPicker } from '@/features/cleaning/components/worker-picker';
import { cents, FIELD_OF_CODE, FIELD_OF_PATH, JobFormSchema, type FormValues } from '@/features/cleaning/components/job-form-values';
import { formatNumber } from '@/features/cleaning/job-format';
import '@/features/cleaning/cleaning-strings';

export interface JobFormProps {
  job?: StaffJob;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: FormValues, scope: 'this' | 'future') => void;
  cancelHref: string;
  /** A new job opened from a client's request (issue 23): its client, property, day, time and notes. */
  prefill?: { clientId: number; clientName: string; propertyId: number | null; date: string; time: string; notes: string | null };
}

export function JobForm({ job, isPending, error, onSubmit, cancelHref, prefill }: JobFormProps) {
  const { t } = useTranslation('cleaning');
  const { t: tCommon } = useTranslation();
  const locale = currentLocale();
  const describe = useDescribeError();
  const defaultRate = useDefaultHourlyRate();
  const workers = useWorkers();
  const [clientText, setClientText] = useState(job?.client.name ?? prefill?.clientName ?? '');
  const [clientName, setClientName] = useState(job?.client.name ?? prefill?.clientName ?? '');
  const clients = useClientSearch(clientText === clientName ? '' : clientText);
  const [scopeOpen, setScopeOpen] = useState(false);
  const [scope, setScope] = useState<'this' | 'future'>('this');

  // A new job for a client with their own hourly rate on its day proposes that rate (issue 19 §7).
  const [pickedClient, setPickedClient] = useState<number | undefined>(job?.client.id ?? prefill?.clientId);
  const [pickedDate, setPickedDate] = useState(job?.scheduledDate ?? prefill?.date ?? addDays(lisbonDate(), 1));
  const clientRate = useClientHourlyRate(job ? undefined : pickedClient, pickedDate);
  const rateEuros = job ? job.hourlyRateCents / 100 : clientRate !== undefined ? clientRate / 100 : defaultRate.data !== undefined ? defaultRate.data / 100 : undefined;
  const form = useForm<FormValues>({
    resolver: zodResolver(JobFormSchema, { error: formErrorMap }),
    values: {
      clientId: (job?.client.id ?? prefill?.clientId) as number,
      propertyId: (job?.property.id ?? prefill?.propertyId ?? undefined) as number,
      jobType: job?.jobType ?? 'airbnb',
      scheduledDate: job?.scheduledDate ?? prefill?.date ?? addDays(lisbonDate(), 1),
      scheduledTime: job?.scheduledTime ?? prefill?.time ?? '10:00',
      estimatedHours: job?.estimatedHours ?? 2,
      hourlyRateEuros: rateEuros as number,
      workerIds: job?.workers.map((w) => w.id) ?? [],
      specialInstructions: job?.specialInstructions ?? prefill?.notes ?? '',
      internalNotes: job?.internalNotes ?? '',
      repeat: 'none',
      interval: 2,
      until: job?.series?.until ?? '',
    },
    resetOptions: { keepDirtyValues: true },
  });
  const clientId = form.watch('clientId');
  const properties = useClientProperties(clientId);
  const [repeat, scheduledDate, hours, rate, workerIds] = form.watch(['repeat', 'scheduledDate', 'estimatedHours', 'hourlyRateEuros', 'workerIds']);
  useEffect(() => {
    setPickedClient(clientId);
    setPickedDate(scheduledDate);
  }, [clientId, scheduledDate]);

  const names = useMemo(() => new Map((job?.workers ?? []).map((w) => [w.id, w.name])), [job]);
  const message = (name: keyof FormValues) => validationMessage(form.formState.errors[name]?.message, tCommon);

  // Server answers that belong to a field are shown on it; the rest above the form.
  const apiError = error instanceof ApiError ? error : undefined;
  const fieldFromApi = apiError
    ? (FIELD_OF_CODE[apiError.code] ?? apiError.fieldIssues.map((issue) => FIELD_OF_PATH[issue.path.split('.')[1] ?? '']).find(Boolean))
    : undefined;
  const apiMessage = (name: keyof FormValues) => (fieldFromApi === name && apiError ? describe(apiError).message : undefined);
  const fieldMessage = (name: keyof FormValues) => message(name) ?? apiMessage(name);

  const submit = form.handleSubmit((values) => {
    if (isPending) return;
    if (job?.series && !job.series.ended) {
      setScope(values.until && values.until !== job.series.until ? 'future' : 'this');
      setScopeOpen(true);
      return;
    }
    onSubmit(values, 'this');
  });

  const weekday = scheduledDate ? new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: 'long', timeZone: 'UTC' }).format(calendarDate(scheduledDate)) : '';
  const dayOfMonth = scheduledDate ? Number(scheduledDate.slice(8, 10)) : 0;
  const estimateCents = Number.isFinite(hours) && Number.isFinite(rate) ? Math.round(hours * Math.max(1, workerIds.length) * cents(rate)) : undefined;
  const untilChanged = Boolean(job?.series && form.watch('until') !== job.series.until);
  const hasErrors = Object.keys(form.formState.errors).length > 0;
  // The repeat's last day: a new series' end, or an existing series' new end.
  const untilField = (label: string, description: string) => (
    <Controller
      control={form.control}
      name="until"
      render={({ field }) => (
        <DateField
          label={label}
          min={scheduledDate}
          value={field.value}
          onChange={field.onChange}
          description={description}
          errorMessage={fieldMessage('until')}
          inputRef={field.ref}
          name={field.name}
        />
      )}
    />
  );

  return (
    <I18nProvider locale={LOCALE_TAGS[locale]}>
      <form className="job-form stack gap-5" onSubmit={submit} noValidate>
        <ErrorNotice error={fieldFromApi ? null : error} />
        {hasErrors && form.formState.isSubmitted ? <Notice tone="danger">{t('form.fixErrors')}</Notice> : null}

        <fieldset className="card stack gap-4">
          <legend className="job-form__legend">{t('form.sectionPlace')}</legend>
          <div className="job-form__grid">
            {job ? (
              <div className="field">
                <span className="field__label">{t('form.client')}</span>
                <span className="job-form__fixed">{job.client.name}</span>
              </div>
            ) : (
              <Controller
                control={form.control}
                name="clientId"
                render={({ field }) => (
                  <SearchSelectField
                    label={t('form.client')}
                    placeholder={t('form.clientPlaceholder')}
                    emptyLabel={t('form.clientEmpty')}
                    options={(clients.data ?? []).map((c) => ({ id: c.id, label: c.name, detail: c.companyName ? `${c.companyName} · ${formatPhone(c.phone)}` : formatPhone(c.phone) }))}
                    value={field.value ?? null}
                    inputValue={clientText}
                    onInputChange={setClientText}
                    isLoading={clients.isFetching}
                    errorMessage={fieldMessage('clientId')}
                    name={field.name}
                    onChange={(value) => {
                      const chosen = clients.data?.find((c) => c.id === Number(value));
                      field.onChange(value === null ? undefined : Number(value));
                      form.setValue('propertyId', undefined as unknown as number);
                      if (chosen) {
                        setClientName(chosen.name);
                        setClientText(chosen.name);
                      }
                    }}
                  />
                )}
              />
            )}
            <Controller
              control={form.control}
              name="propertyId"
              render={({ field }) => {
                const options = (properties.data ?? []).map((p) => ({ id: p.id, label: p.name, detail: `${p.addressLine1}, ${p.city}` }));
                const none = clientId !== undefined && properties.isSuccess && options.length === 0;
                return (
                  <SelectField
                    label={t('form.property')}
                    placeholder={t('form.propertyPlaceholder')}
                    options={options}
                    value={field.value ?? null}
                    onChange={(value) => field.onChange(value === null ? undefined : Number(value))}
                    isDisabled={clientId === undefined || none}
                    description={clientId === undefined ? t('form.chooseClientFirst') : none ? t('form.propertyNone') : undefined}
                    errorMessage={fieldMessage('propertyId')}
                    inputRef={field.ref}
                    name={field.name}
                  />
                );
              }}
            />
          </div>
          <Controller
            control={form.control}
            name="jobType"
            render={({ field }) => (
              <RadioCards
                label={t('form.jobType')}
                orientation="horizontal"
                value={field.value}
                onChange={field.onChange}
                options={[
                  { value: 'airbnb', label: t('typeLong.airbnb'), description: t('form.airbnbHint') },
                  { value: 'house', label: t('typeLong.house'), description: t('form.houseHint') },
                ]}
              />
            )}
          />
        </fieldset>

        <fieldset className="card stack gap-4">
          <legend className="job-form__legend">{t('form.sectionWhen')}</legend>
          <div className="job-form__grid job-form__grid--3">
            <Controller
              control={form.control}
              name="scheduledDate"
              render={({ field }) => (
                <DateField label={t('form.date')} value={field.value} onChange={field.onChange} errorMessage={fieldMessage('scheduledDate')} inputRef={field.ref} name={field.name} />
              )}
            />
            <Controller
              control={form.control}
              name="scheduledTime"
              render={({ field }) => (
                <TimeField
                  label={t('form.time')}
                  value={field.value}
                  onChange={field.onChange}
                  description={t('form.timeHint')}
                  errorMessage={fieldMessage('scheduledTime')}
                  inputRef={field.ref}
                  name={field.name}
                />
              )}
            />
            <Controller
              control={form.control}
              name="estimatedHours"
              render={({ field }) => (
                <NumberInput
                  label={t('form.estimatedHours')}
                  value={field.value}
                  onChange={field.onChange}
                  minValue={0.5}
                  maxValue={CLEANING_LIMITS.estimatedHours}
                  step={0.5}
                  description={t('form.estimatedHoursHint')}
                  errorMessage={fieldMessage('estimatedHours')}
                  incrementLabel={t('form.more')}
                  decrementLabel={t('form.less')}
                  inputRef={field.ref}
                  name={field.name}
                />
              )}
            />
          </div>
        </fieldset>

        <fieldset className="card stack gap-4">
          <legend className="job-form__legend">{t('form.sectionTeam')}</legend>
          <Controller
            control={form.control}
            name="workerIds"
            render={({ field }) => <WorkerPicker value={field.value} onChange={field.onChange} workers={workers.data ?? []} names={names} errorMessage={fieldMessage('workerIds')} />}
          />
        </fieldset>

        <fieldset className="card stack gap-4">
          <legend className="job-form__legend">{t('form.sectionPrice')}</legend>
          <div className="job-form__grid">
            <Controller
              control={form.control}
              name="hourlyRateEuros"
              render={({ field }) => (
                <NumberInput
                  label={t('form.hourlyRate')}
                  value={field.value}
                  onChange={field.onChange}
                  minValue={0}
                  maxValue={CLEANING_LIMITS.hourlyRateCents / 100}
                  step={0.5}
                  formatOptions={{ style: 'currency', currency: 'EUR' }}
                  description={
                    clientRate !== undefined
                      ? t('form.clientRateHint', { rate: formatMoney(clientRate, locale) })
                      : defaultRate.data !== undefined
                        ? t('form.hourlyRateHint', { rate: formatMoney(defaultRate.data, locale) })
                        : undefined
                  }
                  errorMessage={fieldMessage('hourlyRateEuros')}
                  incrementLabel={t('form.more')}
                  decrementLabel={t('form.less')}
                  inputRef={field.ref}
                  name={field.name}
                />
              )}
            />
            {estimateCents !== undefined ? (
              <p className="panel job-form__estimate muted text-sm" aria-live="polite">
                {t('form.estimate', {
                  total: formatMoney(estimateCents, locale),
                  hours: formatNumber(hours, locale),
                  people: Math.max(1, workerIds.length),
                  rate: formatMoney(cents(rate), locale),
                })}
              </p>
            ) : null}
          </div>
        </fieldset>

        <fieldset className="card stack gap-4">
          <legend className="job-form__legend">{t('form.sectionNotes')}</legend>
          <div className="job-form__grid">
            <Controller
              control={form.control}
              name="specialInstructions"
              render={({ field }) => (
                <TextAreaInput
                  label={t('form.specialInstructions')}
                  description={t('form.specialInstructionsHint')}
                  value={field.value}
                  onChange={field.onChange}
                  maxLength={2000}
                  errorMessage={fieldMessage('specialInstructions')}
                  inputRef={field.ref}
                  name={field.name}
                />
              )}
            />
            <Controller
              control={form.control}
              name="internalNotes"
              render={({ field }) => (
                <TextAreaInput
                  label={t('form.internalNotes')}
                  description={t('form.internalNotesHint')}
                  value={field.value}
                  onChange={field.onChange}
                  maxLength={2000}
                  errorMessage={fieldMessage('internalNotes')}
                  inputRef={field.ref}
                  name={field.name}
                />
              )}
            />
          </div>
        </fieldset>

        {!job ? (
          <fieldset className="card stack gap-4">
            <legend className="job-form__legend">{t('form.sectionRepeat')}</legend>
            <Controller
              control={form.control}
              name="repeat"
              render={({ field }) => (
                <RadioCards
                  label={t('form.repeat')}
                  hideLabel
                  orientation="horizontal"
                  value={field.value}
                  onChange={field.onChange}
                  options={[
                    { value: 'none', label: t('form.repeatNone') },
                    { value: 'weekly', label: t('form.repeatWeekly'), description: weekday ? t('form.repeatWeeklyHint', { weekday }) : undefined },
                    { value: 'everyWeeks', label: t('form.repeatEveryWeeks'), description: weekday ? t('form.repeatWeeklyHint', { weekday }) : undefined },
                    { value: 'monthly', label: t('form.repeatMonthly'), description: dayOfMonth ? t('form.repeatMonthlyHint', { day: dayOfMonth }) : undefined },
                  ]}
                />
              )}
            />
            {repeat !== 'none' ? (
              <div className="job-form__grid">
                {repeat === 'everyWeeks' ? (
                  <Controller
                    control={form.control}
                    name="interval"
                    render={({ field }) => (
                      <NumberInput
                        label={t('form.interval')}
                        value={field.value}
                        onChange={field.onChange}
                        minValue={2}
                        maxValue={CLEANING_LIMITS.recurrenceInterval}
                        step={1}
                        errorMessage={fieldMessage('interval')}
                        incrementLabel={t('form.more')}
                        decrementLabel={t('form.less')}
                        inputRef={field.ref}
                        name={field.name}
                      />
                    )}
                  />
                ) : null}
                {untilField(t('form.until'), t('form.untilHint'))}
              </div>
            ) : null}
          </fieldset>
        ) : job.series && !job.series.ended ? (
          <fieldset className="card stack gap-4">
            <legend className="job-form__legend">{t('form.sectionRepeat')}</legend>
            {untilField(t('form.seriesUntil'), t('form.seriesUntilHint'))}
          </fieldset>
        ) : null}

        <div className="job-form__actions cluster justify-end">
          <ButtonLink href={cancelHref} variant="secondary">
            {t('form.back')}
          </ButtonLink>
          <Button type="submit" variant="primary" size="lg" isPending={isPending} pendingLabel={t('form.saving')}>
            {job ? t('form.submitEdit') : t('form.submitNew')}
          </Button>
        </div>
      </form>

      <ModalDialog isOpen={scopeOpen} onOpenChange={setScopeOpen} title={t('form.scopeTitle')} description={t('form.scopeLead')}>
        <RadioCards
          label={t('form.scopeTitle')}
          hideLabel
          value={scope}
          onChange={(v) => setScope(v === 'future' ? 'future' : 'this')}
          options={[
            { value: 'this', label: t('form.scopeThis'), description: untilChanged ? t('form.scopeUntilOnlyFuture') : t('form.scopeThisHint'), isDisabled: untilChanged },
            { value: 'future', label: t('form.scopeFuture'), description: t('form.scopeFutureHint') },
          ]}
        />
        <DialogActions>
          <Button variant="secondary" onPress={() => setScopeOpen(false)}>
            {t('form.back')}
          </Button>
          <Button
            variant="primary"
            isPending={isPending}
            onPress={() => {
              setScopeOpen(false);
              onSubmit(form.getValues(), scope);
            }}
          >
            {t('form.submitEdit')}
          </Button>
        </DialogActions>
      </ModalDialog>
    </I18nProvider>
  );
}
