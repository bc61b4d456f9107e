import { CreateLaundryOrderBody, LAUNDRY_LIMITS, type CreateLaundryOrderInput, type LaundryServiceDto, type PricePreviewInput } from '@contracts/laundry';
import type { z } from 'zod';
import { parseDecimal } from '@/features/laundry/laundry-format';

/**
 * The intake form as the person types it (kilograms and euros as text) and its translation into the
 * API's body (grams and cents as integers), checked by the shared contract schema. Pure: no React.
 */

export type OrderType = CreateLaundryOrderInput['orderType'];

export interface LineDraft {
  key: string;
  serviceId: string;
  weightKg: string;
  quantity: string;
  itemType: string;
  itemCategory: string;
  conditionNotes: string;
  specialTreatment: string;
}

export interface OrderDraft {
  clientId: number | null;
  orderType: OrderType;
  lines: LineDraft[];
  additionalCharges: string;
  additionalChargesNote: string;
  discount: string;
  deliveryRequested: boolean;
  /** Express: the services' express surcharge and shorter turnaround. */
  express: boolean;
  deliveryMode: 'property' | 'other';
  deliveryPropertyId: string;
  deliveryAddress: string;
  deliveryDate: string;
  expectedReadyDate: string;
  assignedWorkerId: string;
  specialInstructions: string;
  internalNotes: string;
}

/**
 * Field problems as tokens keyed by field ("lines.0.weightKg"): `required`, `number`, `positive`,
 * `decimals:3`, `max:<shown value>`, `tooLong:<n>`, `chooseClient`, `chooseService`, `deliveryPlace`.
 */
export type DraftErrors = Record<string, string>;

let counter = 0;
export function newLineKey(): string {
  counter += 1;
  return `line-${counter}`;
}

export function emptyLine(serviceId = ''): LineDraft {
  return { key: newLineKey(), serviceId, weightKg: '', quantity: '', itemType: '', itemCategory: '', conditionNotes: '', specialTreatment: '' };
}

/** The lines an order type starts with (the intake template), from the services on offer. */
export function templateLines(type: OrderType, services: LaundryServiceDto[]): LineDraft[] {
  const active = services.filter((s) => s.isActive);
  const byCode = (code: string, unit: 'per_kg' | 'per_item') => active.find((s) => s.code === code) ?? active.find((s) => s.pricingUnit === unit);
  const codes: Array<[string, 'per_kg' | 'per_item']> =
    type === 'bulk_kg' ? [['WASH_IRON', 'per_kg']] : type === 'itemized' ? [['DRY_CLEAN', 'per_item']] : [['WASH_IRON', 'per_kg'], ['IRON_ONLY', 'per_kg']];
  const picked = codes.map(([code, unit]) => byCode(code, unit)).filter((s): s is LaundryServiceDto => Boolean(s));
  const unique = picked.filter((s, i) => picked.findIndex((p) => p.id === s.id) === i);
  return (unique.length ? unique : active.slice(0, 1)).map((s) => emptyLine(String(s.id)));
}

/** Nothing typed into any line yet: changing the order type may replace them with its template. */
export function linesUntouched(lines: LineDraft[]): boolean {
  return lines.every((l) => !l.weightKg && !l.quantity && !l.itemType && !l.itemCategory && !l.conditionNotes && !l.specialTreatment);
}

export function emptyDraft(): OrderDraft {
  return {
    clientId: null,
    orderType: 'bulk_kg',
    lines: [],
    additionalCharges: '',
    additionalChargesNote: '',
    discount: '',
    deliveryRequested: false,
    express: false,
    deliveryMode: 'property',
    deliveryPropertyId: '',
    deliveryAddress: '',
    deliveryDate: '',
    expectedReadyDate: '',
    assignedWorkerId: '',
    specialInstructions: '',
    internalNotes: '',
  };
}

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);

/** A typed amount as an integer of its unit, or the token of what is wrong with it. */
function amount(text: string, digits: number, max: number, shownMax: string): { value?: number; error?: string } {
  if (!text.trim()) return { error: 'required' };
  const parsed = parseDecimal(text, digits);
  if (parsed === 'decimals') return { error: digits === 0 ? 'number' : `decimals:${digits}` };
  if (parsed === null) return { error: 'number' };
  if (parsed <= 0) return { error: 'positive' };
  if (parsed > max) return { error: `max:${shownMax}` };
  return { value: parsed };
}

/** Euros typed by a person as cents; empty is zero. */
function money(text: string, shownMax: string): { value: number; error?: string } {
  if (!text.trim()) return { value: 0 };
  const parsed = parseDecimal(text, 2);
  if (parsed === 'decimals') return { value: 0, error: 'decimals:2' };
  if (parsed === null) return { value: 0, error: 'number' };
  if (parsed > LAUNDRY_LIMITS.chargesCents) return { value: 0, error: `max:${shownMax}` };
  return { value: parsed };
}

interface LineResult {
  line?: CreateLaundryOrderInput['lines'][number];
  errors: DraftErrors;
}

function buildLine(draft: LineDraft, index: number, services: LaundryServiceDto[]): LineResult {
  const errors: DraftErrors = {};
  const service = services.find((s) => String(s.id) === draft.serviceId);
  if (!service) {
    errors[`lines.${index}.serviceId`] = 'chooseService';
    return { errors };
  }
  const details = {
    itemType: optionalText(draft.itemType),
    itemCategory: optionalText(draft.itemCategory),
    conditionNotes: optionalText(draft.conditionNotes),
    specialTreatment: optionalText(draft.specialTreatment),
  };
  if (service.pricingUnit === 'per_kg') {
    const grams = amount(draft.weightKg, 3, LAUNDRY_LIMITS.weightGrams, `${LAUNDRY_LIMITS.weightGrams / 1000} kg`);
    if (grams.error) errors[`lines.${index}.weightKg`] = grams.error;
    return grams.value === undefined ? { errors } : { line: { serviceId: service.id, weightGrams: grams.value, ...details }, errors };
  }
  const quantity = amount(draft.quantity, 0, LAUNDRY_LIMITS.quantity, String(LAUNDRY_LIMITS.quantity));
  if (quantity.error) errors[`lines.${index}.quantity`] = quantity.error;
  return quantity.value === undefined ? { errors } : { line: { serviceId: service.id, quantity: quantity.value, ...details }, errors };
}

/** The schema's issue path ("lines.0.weightGrams") as the form's field ("lines.0.weightKg"). */
export function fieldOfPath(path: ReadonlyArray<PropertyKey>): string {
  const names = path.map(String);
  const last = names.at(-1);
  if (last === 'weightGrams') names[names.length - 1] = 'weightKg';
  if (last === 'additionalChargesCents') names[names.length - 1] = 'additionalCharges';
  if (last === 'discountCents') names[names.length - 1] = 'discount';
  if (last === 'clientId') names[names.length - 1] = 'client';
  return names.join('.');
}

function issueToken(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.origin === 'string') return `tooLong:${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return 'positive';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return 'invalid';
}

export interface BuiltOrder {
  body?: CreateLaundryOrderInput;
  errors: DraftErrors;
}

/** The whole draft as the create body, or every field problem at once. */
export function buildOrder(draft: OrderDraft, services: LaundryServiceDto[], chargesMax: string): BuiltOrder {
  const errors: DraftErrors = {};
  if (draft.clientId === null) errors.client = 'chooseClient';
  const lines = draft.lines.map((line, index) => {
    const result = buildLine(line, index, services);
    Object.assign(errors, result.errors);
    return result.line;
  });
  const charges = money(draft.additionalCharges, chargesMax);
  if (charges.error) errors.additionalCharges = charges.error;
  const discount = money(draft.discount, chargesMax);
  if (discount.error) errors.discount = discount.error;
  let deliveryPropertyId: number | undefined;
  let deliveryAddress: string | undefined;
  if (draft.deliveryRequested) {
    if (draft.deliveryMode === 'property') {
      deliveryPropertyId = draft.deliveryPropertyId ? Number(draft.deliveryPropertyId) : undefined;
      if (!deliveryPropertyId) errors.deliveryPropertyId = 'deliveryPlace';
    } else {
      deliveryAddress = optionalText(draft.deliveryAddress);
      if (!deliveryAddress) errors.deliveryAddress = 'deliveryPlace';
    }
  }
  if (Object.keys(errors).length > 0) return { errors };

  const candidate = {
    clientId: draft.clientId,
    orderType: draft.orderType,
    express: draft.express,
    lines,
    additionalChargesCents: charges.value,
    additionalChargesNote: charges.value ? optionalText(draft.additionalChargesNote) : undefined,
    discountCents: discount.value,
    deliveryRequested: draft.deliveryRequested,
    deliveryPropertyId,
    deliveryAddress,
    deliveryDate: draft.deliveryRequested ? optionalText(draft.deliveryDate) : undefined,
    expectedReadyDate: optionalText(draft.expectedReadyDate),
    assignedWorkerId: draft.assignedWorkerId ? Number(draft.assignedWorkerId) : undefined,
    specialInstructions: optionalText(draft.specialInstructions),
    internalNotes: optionalText(draft.internalNotes),
  };
  // The shared contract has the last word (lengths, dates, delivery rule): the same checks as the server.
  const parsed = CreateLaundryOrderBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      if (!(field in errors)) errors[field] = issueToken(issue);
    }
    return { errors };
  }
  return { body: parsed.data, errors };
}

export interface PreviewRequest {
  body: PricePreviewInput;
  /** The draft line behind each previewed line, to show each line's price next to it. */
  lineKeys: string[];
}

/**
 * What can be priced already: the lines that are complete and valid, with the charges that are valid.
 * Null while no line can be priced.
 */
export function buildPreview(draft: OrderDraft, services: LaundryServiceDto[]): PreviewRequest | null {
  const priced = draft.lines
    .map((draftLine, index) => ({ key: draftLine.key, result: buildLine(draftLine, index, services) }))
    .filter((entry) => entry.result.line !== undefined);
  if (priced.length === 0) return null;
  const charges = money(draft.additionalCharges, '');
  const discount = money(draft.discount, '');
  return {
    body: {
      // The client's own prices in force today apply once a client is chosen.
      ...(draft.clientId !== null ? { clientId: draft.clientId } : {}),
      lines: priced.map((entry) => ({ serviceId: entry.result.line!.serviceId, weightGrams: entry.result.line!.weightGrams, quantity: entry.result.line!.quantity })),
      express: draft.express,
      deliveryRequested: draft.deliveryRequested,
      additionalChargesCents: charges.error ? 0 : charges.value,
      discountCents: discount.error ? 0 : discount.value,
    },
    lineKeys: priced.map((entry) => entry.key),
  };
}

/** A server field path ("body.lines.0.weightGrams") as the form's field. */
export function fieldOfServerPath(path: string): string {
  return fieldOfPath(path.replace(/^body\./, '').split('.'));
}
