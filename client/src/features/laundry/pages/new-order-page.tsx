import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Radio, RadioGroup, Label } from 'react-aria-components';
import { LAUNDRY_LIMITS } from '@contracts/laundry';
import '@/features/laundry/laundry-strings';
import { DateField } from '@/components/date-fields';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryFallback } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import { useCreateLaundryOrder } from '@/features/laundry/api/create-laundry-order';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useWorkers } from '@/features/laundry/api/list-workers';
import { usePricePreview } from '@/features/laundry/api/preview-laundry-price';
import type { ClientOption } from '@/features/clients/api/client-options';
import { ClientPicker } from '@/features/laundry/components/client-picker';
import { DeliveryFields, type DeliveryValue } from '@/features/laundry/components/delivery-fields';
import { FormSection } from '@/features/laundry/components/form-bits';
import { SelectInput } from '@/components/fields';
import { TextAreaInput } from '@/components/form-controls';
import { LineEditor, type LinePrice } from '@/features/laundry/components/line-editor';
import { PriceBreakdown } from '@/features/laundry/components/price-breakdown';
import { fieldMessage } from '@/features/laundry/field-message';
import { buildOrder, buildPreview, emptyDraft, fieldOfServerPath, linesUntouched, templateLines, type DraftErrors, type OrderDraft, type OrderType } from '@/features/laundry/order-draft';
import { useDebounced } from '@/features/laundry/use-debounced';
import { useRequestPrefill } from '@/features/requests/api/get-request-prefill';
import { useAcceptRequest } from '@/features/requests/api/request-actions';
import { RequestPrefillNotice } from '@/features/requests/components/request-prefill-notice';
import '@/components/form-controls.css';
import '@/features/laundry/laundry.css';
import { BackLink } from '@/components/back-link';

const ORDER_TYPES: OrderType[] = ['bulk_kg', 'itemized', 'house_bundle'];

/** The live price beside the form: updates a moment after typing stops, never blocks typing. */
function LivePrice({
  draft,
  services,
  onLinePrices,
  children,
}: {
  draft: OrderDraft;
  services: Parameters<typeof buildPreview>[1];
  onLinePrices: (prices: Map<string, LinePrice>) => void;
  /** What follows the price on its card (the form's problems and its submit button). */
  children: ReactNode;
}) {
  const { t } = useTranslation('laundry');
  const describe = useDescribeError();
  const request = useMemo(() => buildPreview(draft, services), [draft, services]);
  const settledJson = useDebounced(request ? JSON.stringify(request) : '', 300);
  const settled = useMemo(() => (settledJson ? (JSON.parse(settledJson) as NonNullable<typeof request>) : null), [settledJson]);
  const preview = usePricePreview(settled?.body ?? null);

  useEffect(() => {
    const prices = new Map<string, LinePrice>();
    if (settled && preview.data && !preview.isPlaceholderData) {
      settled.lineKeys.forEach((key, i) => {
        const line = preview.data.lines[i];
        if (line) prices.set(key, { totalCents: line.totalCents, minimumApplied: line.minimumApplied, clientPrice: line.clientPrice });
      });
    }
    onLinePrices(prices);
  }, [settled, preview.data, preview.isPlaceholderData, onLinePrices]);

  const updating = (request ? JSON.stringify(request) : '') !== settledJson || preview.isFetching;
  return (
    <Card
      id="live-price-title"
      title={t('price.title')}
      actions={<span className="muted text-sm">{updating ? t('price.updating') : t('price.live')}</span>}
      className="stack gap-4"
    >
      <div aria-live="polite" aria-busy={updating}>
        {!settled ? (
          <p className="muted text-sm">{t('price.empty')}</p>
        ) : preview.error ? (
          <Notice tone="warning">{describe(preview.error).message}</Notice>
        ) : preview.data ? (
          <PriceBreakdown breakdown={preview.data} testId="live-price" />
        ) : (
          <p className="muted text-sm">{t('price.updating')}</p>
        )}
      </div>
      {children}
    </Card>
  );
}

/** Staff intake: client, lines, charges, delivery and planning, with the exact price as it is typed. */
export default function NewOrderPage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const navigate = useNavigate();
  const services = useLaundryServices();
  const workers = useWorkers();
  const create = useCreateLaundryOrder();
  // Accepting a client's pickup (issue 23): the form opens with the request's client and notes, and
  // confirming it creates the order and accepts the request in one step.
  const [searchParams] = useSearchParams();
  const fromRequest = Number(searchParams.get('fromRequest')) || null;
  const prefill = useRequestPrefill(fromRequest);
  const accept = useAcceptRequest();
  const [draft, setDraft] = useState<OrderDraft>(emptyDraft);
  const [client, setClient] = useState<ClientOption | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [linePrices, setLinePrices] = useState<Map<string, LinePrice>>(new Map());
  // One key per distinct order: a double click or a retry of the same order is the same request.
  const attempt = useRef<{ json: string; key: string } | null>(null);
  const catalogue = useMemo(() => services.data ?? [], [services.data]);

  useEffect(() => {
    if (catalogue.length && draft.lines.length === 0) setDraft((d) => ({ ...d, lines: templateLines(d.orderType, catalogue) }));
  }, [catalogue, draft.lines.length]);

  useEffect(() => {
    const p = prefill.data;
    if (!p || p.form !== 'laundry_order') return;
    setClient({ id: p.clientId, name: p.clientName, phone: '', companyName: null, isActive: true });
    setDraft((d) => ({ ...d, clientId: p.clientId, specialInstructions: p.notes ?? '' }));
  }, [prefill.data]);

  const update = useCallback((patch: Partial<OrderDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const updateDelivery = useCallback((patch: Partial<DeliveryValue>) => setDraft((d) => ({ ...d, ...patch })), []);
  const chargesMax = formatMoney(LAUNDRY_LIMITS.chargesCents, locale);

  const submit = () => {
    if (create.isPending || accept.isPending) return;
    const built = buildOrder(draft, catalogue, chargesMax);
    setErrors(built.errors);
    if (!built.body) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const json = JSON.stringify(built.body);
    if (attempt.current?.json !== json) attempt.current = { json, key: newId() };
    if (fromRequest) {
      accept.mutate(
        { id: fromRequest, input: { laundryOrder: built.body }, idempotencyKey: attempt.current.key },
        { onSuccess: (request) => void navigate(`/admin/laundry/${request.laundryOrder!.id}`, { state: { created: request.laundryOrder!.orderNumber } }) },
      );
      return;
    }
    create.mutate(
      { body: built.body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (order) => void navigate(`/admin/laundry/${order.id}`, { state: { created: order.orderNumber } }),
        onError: (error) => {
          if (isApiError(error)) {
            const byField: DraftErrors = {};
            for (const issue of error.fieldIssues) byField[fieldOfServerPath(issue.path)] = error.code === 'VALIDATION_FAILED' ? 'invalid' : `api:${error.code}`;
            setErrors(byField);
          }
        },
      },
    );
  };

  if (!services.isSuccess) return <QueryFallback query={services} />;

  const failure = create.error ?? accept.error;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink to="/admin/laundry">{t('detail.backToList')}</BackLink>
        }
        title={t('form.title')}
        lead={t('form.lead')}
      />
      {fromRequest ? <RequestPrefillNotice query={prefill} /> : null}
      <form
        className="detail-layout"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="stack gap-5">
          <FormSection id="section-client" title={t('form.clientSection')}>
            <ClientPicker
              label={t('form.client')}
              selected={client}
              onSelect={(next) => {
                setClient(next);
                update({ clientId: next?.id ?? null, deliveryPropertyId: '' });
              }}
              placeholder={t('form.clientPlaceholder')}
              errorMessage={fieldMessage(errors.client, t)}
            />
          </FormSection>

          <FormSection id="section-type" title={t('form.typeSection')} lead={t('form.typeLead')}>
            <RadioGroup
              value={draft.orderType}
              onChange={(value) => {
                const orderType = value as OrderType;
                setDraft((d) => ({ ...d, orderType, lines: linesUntouched(d.lines) ? templateLines(orderType, catalogue) : d.lines }));
              }}
              className="radio-cards radio-cards--horizontal"
            >
              <Label className="visually-hidden">{t('form.typeSection')}</Label>
              {ORDER_TYPES.map((type) => (
                <Radio key={type} value={type} className="radio-card">
                  <Icon name={type === 'bulk_kg' ? 'washer' : type === 'itemized' ? 'shirt' : 'home'} size={22} />
                  <span className="radio-card__text">
                    <span className="radio-card__label">{t(`orderType.${type}`)}</span>
                    <span className="muted text-sm">{t(`orderTypeHint.${type}`)}</span>
                  </span>
                </Radio>
              ))}
            </RadioGroup>
          </FormSection>

          <FormSection id="section-items" title={t('form.itemsSection')}>
            <LineEditor lines={draft.lines} services={catalogue} errors={errors} prices={linePrices} onChange={(lines) => update({ lines })} />
          </FormSection>

          <FormSection id="section-charges" title={t('form.chargesSection')}>
            <div className="form-grid">
              <TextInput
                label={t('form.additionalCharges')}
                value={draft.additionalCharges}
                onChange={(additionalCharges) => update({ additionalCharges })}
                inputMode="decimal"
                autoComplete="off"
                placeholder="0,00"
                errorMessage={fieldMessage(errors.additionalCharges, t)}
              />
              <TextInput
                label={t('form.additionalChargesNote')}
                value={draft.additionalChargesNote}
                onChange={(additionalChargesNote) => update({ additionalChargesNote })}
                autoComplete="off"
                errorMessage={fieldMessage(errors.additionalChargesNote, t)}
              />
              <TextInput
                label={t('form.discount')}
                value={draft.discount}
                onChange={(discount) => update({ discount })}
                inputMode="decimal"
                autoComplete="off"
                placeholder="0,00"
                errorMessage={fieldMessage(errors.discount, t)}
              />
            </div>
          </FormSection>

          <FormSection id="section-delivery" title={t('form.deliverySection')}>
            <DeliveryFields clientId={draft.clientId} value={draft} onChange={updateDelivery} errors={errors} />
          </FormSection>

          <FormSection id="section-plan" title={t('form.planSection')}>
            <div className="form-grid">
              <DateField
                label={t('form.expectedReadyDate')}
               
                value={draft.expectedReadyDate}
                onChange={(expectedReadyDate) => update({ expectedReadyDate })}
                errorMessage={fieldMessage(errors.expectedReadyDate, t)}
              />
              <SelectInput
                label={t('form.assignee')}
                value={draft.assignedWorkerId}
                onChange={(assignedWorkerId) => update({ assignedWorkerId })}
                options={(workers.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
                placeholder={t('form.noAssignee')}
                errorMessage={fieldMessage(errors.assignedWorkerId, t)}
              />
            </div>
            <TextAreaInput
              label={t('form.instructions')}
              value={draft.specialInstructions}
              onChange={(specialInstructions) => update({ specialInstructions })}
              description={t('form.instructionsHint')}
              errorMessage={fieldMessage(errors.specialInstructions, t)}
            />
            <TextAreaInput
              label={t('form.internalNotes')}
              value={draft.internalNotes}
              onChange={(internalNotes) => update({ internalNotes })}
              description={t('form.internalNotesHint')}
              errorMessage={fieldMessage(errors.internalNotes, t)}
            />
          </FormSection>
        </div>

        <aside className="detail-layout__sticky">
          <LivePrice draft={draft} services={catalogue} onLinePrices={setLinePrices}>
            {failure ? (
              <ErrorNotice error={failure} />
            ) : hasErrors ? (
              <Notice tone="danger">{t('form.fixErrors')}</Notice>
            ) : null}
            <Button type="submit" variant="primary" size="lg" block isPending={create.isPending || accept.isPending} pendingLabel={t('form.submitting')}>
              <Icon name="check" size={20} />
              {t('form.submit')}
            </Button>
          </LivePrice>
        </aside>
      </form>
    </>
  );
}
