import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateTicketBody, TICKET_PRIORITIES, type TicketPriorityValue } from '@contracts/tickets';
import { FormDialog } from '@/components/dialog';
import { FormTextArea } from '@/components/fields';
import { FormTextField } from '@/components/form-fields';
import { RadioCards, SearchSelectField, SelectField } from '@/components/form-controls';
import { ErrorNotice } from '@/components/notice';
import '@/components/ui-strings';
import { applyServerFieldErrors, tokenResolver } from '@/lib/form-resolver';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { useCreateTicket } from '@/features/tickets/api/create-ticket';
import type { Ticket } from '@/features/tickets/api/keys';
import { useJobSearch, useOrderSearch } from '@/features/tickets/api/pickers';
import '@/features/tickets/tickets-strings';

/** The create form: the API's own fields, plus which kind of thing the ticket is about. */
const TicketForm = z
  .object({
    title: CreateTicketBody.shape.title,
    description: CreateTicketBody.shape.description,
    priority: z.enum(TICKET_PRIORITIES),
    link: z.enum(['none', 'order', 'job']),
    laundryOrderId: z.number().int().positive().nullable(),
    cleaningJobId: z.number().int().positive().nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.link === 'order' && !v.laundryOrderId) ctx.addIssue({ code: 'custom', path: ['laundryOrderId'], message: 'required' });
    if (v.link === 'job' && !v.cleaningJobId) ctx.addIssue({ code: 'custom', path: ['cleaningJobId'], message: 'required' });
  });
type TicketValues = z.infer<typeof TicketForm>;

const FIELDS = ['title', 'description', 'priority', 'laundryOrderId', 'cleaningJobId'] as const;
/** The shared schema's sentences (for the API) become the form's own words. */
const TOKENS = { title: 'tooShort:3', description: 'required' };

/** "Report a problem": a worker on a phone or the office at a desk; the new ticket is handed back. */
export function TicketFormDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t } = useTranslation('tickets');
  const locale = currentLocale();
  const create = useCreateTicket();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const [orderText, setOrderText] = useState('');
  const [jobText, setJobText] = useState('');
  const form = useForm<TicketValues>({
    resolver: tokenResolver(TicketForm, TOKENS),
    defaultValues: { title: '', description: '', priority: 'medium', link: 'none', laundryOrderId: null, cleaningJobId: null },
  });
  const [link, priority, laundryOrderId, cleaningJobId] = useWatch({ control: form.control, name: ['link', 'priority', 'laundryOrderId', 'cleaningJobId'] });
  const orders = useOrderSearch(orderText, link === 'order');
  const jobs = useJobSearch(jobText, link === 'job');

  const submit = form.handleSubmit((values) => {
    setGeneralError(null);
    create.mutate(
      {
        title: values.title,
        description: values.description,
        priority: values.priority,
        ...(values.link === 'order' && values.laundryOrderId ? { laundryOrderId: values.laundryOrderId } : {}),
        ...(values.link === 'job' && values.cleaningJobId ? { cleaningJobId: values.cleaningJobId } : {}),
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (!applyServerFieldErrors(error, form.setError, FIELDS)) setGeneralError(error);
        },
      },
    );
  });

  const orderOptions = (orders.data ?? []).map((o) => ({ id: o.id, label: o.orderNumber, detail: o.client?.name }));
  const jobOptions = (jobs.data ?? []).map((j) => ({
    id: j.id,
    label: j.property.name,
    detail: `${formatDate(calendarDate(j.scheduledDate), locale, 'medium')} ${j.scheduledTime}${j.client?.name ? ` · ${j.client.name}` : ''}`,
  }));
  const linkError = (field: 'laundryOrderId' | 'cleaningJobId') =>
    form.formState.errors[field] ? (field === 'laundryOrderId' ? t('form.chooseOrder') : t('form.chooseJob')) : undefined;

  return (
    <FormDialog
      onClose={onClose}
      title={t('form.title')}
      description={t('form.lead')}
      size="lg"
      onSubmit={submit}
      confirmLabel={t('form.submit')}
      pendingLabel={t('form.submitting')}
      isPending={create.isPending}
    >
      <ErrorNotice error={generalError} />
      <FormTextField control={form.control} name="title" label={t('form.titleField')} placeholder={t('form.titlePlaceholder')} autoComplete="off" />
      <FormTextArea control={form.control} name="description" label={t('form.description')} description={t('form.descriptionHelp')} rows={4} />
      <RadioCards
        label={t('form.priority')}
        orientation="horizontal"
        value={priority}
        onChange={(value) => form.setValue('priority', value as TicketPriorityValue)}
        options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`), description: t(`form.priorityHelp.${p}`) }))}
      />
      <SelectField
        label={t('form.link')}
        value={link}
        onChange={(value) => form.setValue('link', (value ?? 'none') as TicketValues['link'])}
        options={[
          { id: 'none', label: t('form.linkNone') },
          { id: 'order', label: t('form.linkOrder') },
          { id: 'job', label: t('form.linkJob') },
        ]}
      />
      {link === 'order' ? (
        <SearchSelectField
          label={t('form.order')}
          placeholder={t('form.orderPlaceholder')}
          emptyLabel={t('form.orderEmpty')}
          options={orderOptions}
          value={laundryOrderId}
          inputValue={orderText}
          isLoading={orders.isFetching}
          onInputChange={setOrderText}
          onChange={(value) => {
            form.setValue('laundryOrderId', value === null ? null : Number(value), { shouldValidate: form.formState.isSubmitted });
            const chosen = orderOptions.find((o) => o.id === value);
            if (chosen) setOrderText(chosen.label);
          }}
          errorMessage={linkError('laundryOrderId')}
        />
      ) : null}
      {link === 'job' ? (
        <SearchSelectField
          label={t('form.job')}
          placeholder={t('form.jobPlaceholder')}
          emptyLabel={t('form.jobEmpty')}
          options={jobOptions}
          value={cleaningJobId}
          inputValue={jobText}
          isLoading={jobs.isFetching}
          onInputChange={setJobText}
          onChange={(value) => {
            form.setValue('cleaningJobId', value === null ? null : Number(value), { shouldValidate: form.formState.isSubmitted });
            const chosen = jobOptions.find((o) => o.id === value);
            if (chosen) setJobText(chosen.label);
          }}
          errorMessage={linkError('cleaningJobId')}
        />
      ) : null}
    </FormDialog>
  );
}
