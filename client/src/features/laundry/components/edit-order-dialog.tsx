import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAUNDRY_LIMITS, UpdateLaundryOrderBody, type LaundryOrderDto } from '@contracts/laundry';
import { FormDialog } from '@/components/dialog';
import { DateField } from '@/components/date-fields';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useWorkers } from '@/features/laundry/api/list-workers';
import { useUpdateLaundryOrder } from '@/features/laundry/api/update-laundry-order';
import { fieldMessage } from '@/features/laundry/field-message';
import { centsForInput, parseDecimal } from '@/features/laundry/laundry-format';
import { fieldOfPath, fieldOfServerPath, type DraftErrors } from '@/features/laundry/order-draft';
import { DeliveryFields, type DeliveryValue } from './delivery-fields';
import { SelectInput } from '@/components/fields';
import { TextAreaInput } from '@/components/form-controls';

interface EditValues extends DeliveryValue {
  expectedReadyDate: string;
  assignedWorkerId: string;
  specialInstructions: string;
  internalNotes: string;
  additionalCharges: string;
  additionalChargesNote: string;
  discount: string;
}

function valuesOf(order: LaundryOrderDto): EditValues {
  const locale = currentLocale();
  return {
    expectedReadyDate: order.expectedReadyDate ?? '',
    assignedWorkerId: order.assignedWorker ? String(order.assignedWorker.id) : '',
    specialInstructions: order.specialInstructions ?? '',
    internalNotes: order.internalNotes ?? '',
    additionalCharges: order.additionalChargesCents ? centsForInput(order.additionalChargesCents, locale) : '',
    additionalChargesNote: order.additionalChargesNote ?? '',
    discount: order.discountCents ? centsForInput(order.discountCents, locale) : '',
    deliveryRequested: order.deliveryRequested,
    deliveryMode: order.deliveryAddress ? 'other' : 'property',
    deliveryPropertyId: order.deliveryPropertyId ? String(order.deliveryPropertyId) : '',
    deliveryAddress: order.deliveryAddress ?? '',
    deliveryDate: order.deliveryDate ?? '',
  };
}

function cents(text: string, max: number): number | string {
  if (!text.trim()) return 0;
  const parsed = parseDecimal(text, 2);
  if (parsed === 'decimals') return 'decimals:2';
  if (parsed === null) return 'number';
  if (parsed > max) return `max:${formatMoney(max, currentLocale())}`;
  return parsed;
}

/** Edit an open order's details and charges (the server reprices; a stale version is refused). */
export function EditOrderDialog({ order, isOpen, onOpenChange }: { order: LaundryOrderDto; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('laundry');
  const workers = useWorkers();
  const save = useUpdateLaundryOrder(order.id);
  const [values, setValues] = useState<EditValues>(() => valuesOf(order));
  const [errors, setErrors] = useState<DraftErrors>({});

  useEffect(() => {
    if (isOpen) {
      setValues(valuesOf(order));
      setErrors({});
      save.reset();
    }
    // Start from the order as it is whenever the dialog opens.
  }, [isOpen]);

  const set = useCallback((patch: Partial<EditValues>) => setValues((v) => ({ ...v, ...patch })), []);

  const submit = () => {
    if (save.isPending) return;
    const found: DraftErrors = {};
    const charges = cents(values.additionalCharges, LAUNDRY_LIMITS.chargesCents);
    const discount = cents(values.discount, LAUNDRY_LIMITS.chargesCents);
    if (typeof charges === 'string') found.additionalCharges = charges;
    if (typeof discount === 'string') found.discount = discount;
    const byProperty = values.deliveryRequested && values.deliveryMode === 'property';
    const byAddress = values.deliveryRequested && values.deliveryMode === 'other';
    if (byProperty && !values.deliveryPropertyId) found.deliveryPropertyId = 'deliveryPlace';
    if (byAddress && !values.deliveryAddress.trim()) found.deliveryAddress = 'deliveryPlace';
    const parsed = UpdateLaundryOrderBody.safeParse({
      version: order.version,
      expectedReadyDate: values.expectedReadyDate || null,
      assignedWorkerId: values.assignedWorkerId ? Number(values.assignedWorkerId) : null,
      specialInstructions: values.specialInstructions.trim() || null,
      internalNotes: values.internalNotes.trim() || null,
      additionalChargesCents: typeof charges === 'number' ? charges : 0,
      additionalChargesNote: typeof charges === 'number' && charges > 0 ? values.additionalChargesNote.trim() || null : null,
      discountCents: typeof discount === 'number' ? discount : 0,
      deliveryRequested: values.deliveryRequested,
      deliveryPropertyId: byProperty ? Number(values.deliveryPropertyId) || null : null,
      deliveryAddress: byAddress ? values.deliveryAddress.trim() : null,
      deliveryDate: values.deliveryRequested ? values.deliveryDate || null : null,
    });
    if (!parsed.success) for (const issue of parsed.error.issues) found[fieldOfPath(issue.path)] ??= issue.code === 'too_big' ? `tooLong:${String(issue.maximum)}` : 'invalid';
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    save.mutate(parsed.data, {
      onSuccess: () => onOpenChange(false),
      onError: (error) => {
        if (isApiError(error)) setErrors(Object.fromEntries(error.fieldIssues.map((i) => [fieldOfServerPath(i.path), error.code === 'VALIDATION_FAILED' ? 'invalid' : `api:${error.code}`])));
      },
    });
  };

  return (
    <FormDialog
      size="lg"
      isOpen={isOpen}
      onClose={() => onOpenChange(false)}
      title={t('detail.editTitle', { number: order.orderNumber })}
      onSubmit={submit}
      confirmLabel={t('common.save')}
      pendingLabel={t('common.saving')}
      isPending={save.isPending}
      error={save.error}
    >
      <div className="form-grid">
        <DateField label={t('form.expectedReadyDate')} value={values.expectedReadyDate} onChange={(expectedReadyDate) => set({ expectedReadyDate })} />
        <SelectInput
          label={t('form.assignee')}
          value={values.assignedWorkerId}
          onChange={(assignedWorkerId) => set({ assignedWorkerId })}
          options={(workers.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
          placeholder={t('form.noAssignee')}
          errorMessage={fieldMessage(errors.assignedWorkerId, t)}
        />
        <TextInput
          label={t('form.additionalCharges')}
          value={values.additionalCharges}
          onChange={(additionalCharges) => set({ additionalCharges })}
          inputMode="decimal"
          errorMessage={fieldMessage(errors.additionalCharges, t)}
        />
        <TextInput
          label={t('form.additionalChargesNote')}
          value={values.additionalChargesNote}
          onChange={(additionalChargesNote) => set({ additionalChargesNote })}
          errorMessage={fieldMessage(errors.additionalChargesNote, t)}
        />
        <TextInput label={t('form.discount')} value={values.discount} onChange={(discount) => set({ discount })} inputMode="decimal" errorMessage={fieldMessage(errors.discount, t)} />
      </div>
      <DeliveryFields clientId={order.client.id} value={values} onChange={set} errors={errors} />
      <TextAreaInput
        label={t('form.instructions')}
        value={values.specialInstructions}
        onChange={(specialInstructions) => set({ specialInstructions })}
        description={t('form.instructionsHint')}
        errorMessage={fieldMessage(errors.specialInstructions, t)}
      />
      <TextAreaInput
        label={t('form.internalNotes')}
        value={values.internalNotes}
        onChange={(internalNotes) => set({ internalNotes })}
        description={t('form.internalNotesHint')}
        errorMessage={fieldMessage(errors.internalNotes, t)}
      />
    </FormDialog>
  );
}
