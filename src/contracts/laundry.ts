import { z } from 'zod';
import { ClientBilling } from './clients.js';
import { CalendarDate, RecordVersion } from './primitives.js';
import { PaymentSummary } from './payments.js';
import { ExpressOption, FLOOR_LIMITS, LaundryItem, RackRef } from './laundry-floor.js';
import { DocumentPaymentStatus } from './accounts.js';

/** Laundry shapes shared by the server and the web app. Money is integer cents; weights are grams. */

export const LAUNDRY_STATUSES = ['received', 'in_progress', 'ready', 'collected', 'delivered', 'cancelled'] as const;
export const LaundryStatus = z.enum(LAUNDRY_STATUSES).meta({ id: 'LaundryStatus' });
export const LaundryOrderType = z.enum(['bulk_kg', 'itemized', 'house_bundle']).meta({ id: 'LaundryOrderType' });
export const PricingUnit = z.enum(['per_kg', 'per_item']).meta({ id: 'PricingUnit' });

/** Documented maxima: anything above is a typo, refused with the field named. */
export const LAUNDRY_LIMITS = {
  weightGrams: 200_000,
  quantity: 500,
  priceCents: 100_000,
  chargesCents: 1_000_000,
  lines: 100,
} as const;

const cents = (max: number) => z.number().int('must be whole cents').min(0, 'must not be negative').max(max, `must be at most ${max}`);
const text = (max: number) => z.string().trim().max(max).optional().nullable();
const isoDate = CalendarDate;
const Version = RecordVersion.meta({ description: 'The version you read; a stale one gets 409 STALE_VERSION.' });

// --- Catalogue -----------------------------------------------------------------------------------

export const LaundryService = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    pricingUnit: PricingUnit,
    priceCents: z.number().int(),
    minimumChargeCents: z.number().int().nullable(),
    isPackage: z.boolean(),
    packageIncludes: z.array(z.string()),
    description: z.string().nullable(),
    categoryId: z.number().int().nullable(),
    position: z.number().int(),
    turnaroundDays: z.number().int().meta({ description: 'Days from intake to the expected ready date.' }),
    express: ExpressOption.nullable(),
    isActive: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LaundryService' });

/** What a worker may know of the catalogue: names only, no prices. */
export const LaundryServiceName = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    pricingUnit: PricingUnit,
    categoryId: z.number().int().nullable(),
    isActive: z.boolean(),
  })
  .meta({ id: 'LaundryServiceName' });

const serviceName = z.string().trim().min(1, 'required').max(120);
const turnaroundDays = z.number().int().min(0).max(FLOOR_LIMITS.turnaroundDays);

/** A new price-list entry; its code is made from the name (never shown as its label). */
export const CreateLaundryServiceBody = z
  .object({
    name: serviceName,
    nameEn: serviceName,
    categoryId: z.number().int().positive(),
    pricingUnit: PricingUnit,
    priceCents: cents(LAUNDRY_LIMITS.priceCents),
    minimumChargeCents: cents(LAUNDRY_LIMITS.priceCents).nullable().optional(),
    description: text(1000),
    position: z.number().int().min(0).max(10_000).default(0),
    turnaroundDays: turnaroundDays.default(2),
    express: ExpressOption.nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateLaundryServiceBody' });

export const UpdateLaundryServiceBody = z
  .object({
    version: Version,
    name: serviceName.optional(),
    nameEn: serviceName.optional(),
    categoryId: z.number().int().positive().optional(),
    priceCents: cents(LAUNDRY_LIMITS.priceCents).optional(),
    minimumChargeCents: cents(LAUNDRY_LIMITS.priceCents).nullable().optional(),
    description: text(1000),
    position: z.number().int().min(0).max(10_000).optional(),
    turnaroundDays: turnaroundDays.optional(),
    express: ExpressOption.nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateLaundryServiceBody' });

// --- Orders --------------------------------------------------------------------------------------

export const LaundryLineInput = z
  .object({
    serviceId: z.number().int().positive(),
    weightGrams: z.number().int('whole grams').positive('must be above zero').max(LAUNDRY_LIMITS.weightGrams).optional().nullable(),
    quantity: z.number().int().positive('must be above zero').max(LAUNDRY_LIMITS.quantity).optional().nullable(),
    itemType: text(80),
    itemCategory: text(80),
    conditionNotes: text(500),
    specialTreatment: text(500),
    bags: z.number().int().min(1).max(FLOOR_LIMITS.bagsPerLine).optional().meta({ description: 'Per-kg lines: how many bags (tags) it arrives in; 1 when absent.' }),
    colour: text(40),
    brand: text(60),
  })
  .strict()
  .meta({ id: 'LaundryLineInput' });

const orderFields = {
  orderType: LaundryOrderType,
  express: z.boolean().default(false).meta({ description: "Express: each line's express surcharge and turnaround." }),
  expectedReadyDate: isoDate.optional().nullable().meta({ description: "When absent: intake day + the longest turnaround of the order's services." }),
  specialInstructions: text(2000),
  internalNotes: text(2000),
  deliveryRequested: z.boolean().default(false),
  deliveryPropertyId: z.number().int().positive().optional().nullable(),
  deliveryAddress: text(500),
  deliveryDate: isoDate.optional().nullable(),
  additionalChargesCents: cents(LAUNDRY_LIMITS.chargesCents).default(0),
  additionalChargesNote: text(200),
  discountCents: cents(LAUNDRY_LIMITS.chargesCents).default(0),
  assignedWorkerId: z.number().int().positive().optional().nullable(),
};

function deliveryRule<T extends { deliveryRequested?: boolean; deliveryPropertyId?: number | null; deliveryAddress?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  const hasPlace = Boolean(v.deliveryPropertyId) || Boolean(v.deliveryAddress);
  if (v.deliveryRequested && !hasPlace) {
    ctx.addIssue({ code: 'custom', path: ['deliveryAddress'], message: 'a delivery needs a property or an address' });
  }
  if (v.deliveryRequested === false && hasPlace) {
    ctx.addIssue({ code: 'custom', path: ['deliveryRequested'], message: 'an address was given but delivery is not requested' });
  }
}

export const CreateLaundryOrderBody = z
  .object({
    clientId: z.number().int().positive(),
    lines: z.array(LaundryLineInput).min(1, 'an order needs at least one line').max(LAUNDRY_LIMITS.lines),
    ...orderFields,
  })
  .strict()
  .superRefine(deliveryRule)
  .meta({ id: 'CreateLaundryOrderBody' });

export const PricePreviewBody = z
  .object({
    clientId: z.number().int().min(1).optional().meta({ description: "Whose order: their own prices in force today apply." }),
    lines: z.array(LaundryLineInput).min(1).max(LAUNDRY_LIMITS.lines),
    express: z.boolean().default(false),
    deliveryRequested: z.boolean().default(false),
    additionalChargesCents: cents(LAUNDRY_LIMITS.chargesCents).default(0),
    discountCents: cents(LAUNDRY_LIMITS.chargesCents).default(0),
  })
  .strict()
  .meta({ id: 'LaundryPricePreviewBody' });

export const UpdateLaundryOrderBody = z
  .object({
    version: Version,
    orderType: LaundryOrderType.optional(),
    expectedReadyDate: orderFields.expectedReadyDate,
    specialInstructions: orderFields.specialInstructions,
    internalNotes: orderFields.internalNotes,
    deliveryRequested: z.boolean().optional(),
    deliveryPropertyId: orderFields.deliveryPropertyId,
    deliveryAddress: orderFields.deliveryAddress,
    deliveryDate: orderFields.deliveryDate,
    additionalChargesCents: cents(LAUNDRY_LIMITS.chargesCents).optional(),
    additionalChargesNote: orderFields.additionalChargesNote,
    discountCents: cents(LAUNDRY_LIMITS.chargesCents).optional(),
    assignedWorkerId: orderFields.assignedWorkerId,
  })
  .strict()
  .meta({ id: 'UpdateLaundryOrderBody' });

export const AddLaundryLineBody = LaundryLineInput.extend({ version: Version }).strict().meta({ id: 'AddLaundryLineBody' });

export const ChangeLaundryStatusBody = z
  .object({
    status: LaundryStatus,
    note: z.string().trim().max(500).optional(),
    version: Version.optional(),
  })
  .strict()
  .meta({ id: 'ChangeLaundryStatusBody' });

export const MarkReadyBody = z.object({ note: z.string().trim().max(500).optional() }).strict().meta({ id: 'MarkReadyBody' });
export const RevertStatusBody = z.object({ reason: z.string().trim().min(3, 'say why').max(500) }).strict().meta({ id: 'RevertStatusBody' });

// --- Answers -------------------------------------------------------------------------------------

export const PriceBreakdown = z
  .object({
    linesTotalCents: z.number().int(),
    additionalChargesCents: z.number().int(),
    discountCents: z.number().int(),
    deliveryFeeCents: z.number().int(),
    subtotalCents: z.number().int(),
    vatRateBasisPoints: z.number().int().meta({ description: '2300 = 23 %' }),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
  })
  .meta({ id: 'LaundryPriceBreakdown' });

export const PricePreview = PriceBreakdown.extend({
  expectedReadyDate: CalendarDate.meta({ description: "The ready date an order taken now would get: today + the longest turnaround of its lines (express ones when express)." }),
  lines: z.array(
    z.object({
      unitPriceCents: z.number().int(),
      clientPrice: z.boolean().meta({ description: "The client's own price (issue 19 §7) replaced the catalogue's." }),
      baseCents: z.number().int(),
      minimumApplied: z.boolean(),
      expressCents: z.number().int(),
      totalCents: z.number().int(),
    }),
  ),
}).meta({ id: 'LaundryPricePreview' });

const lineCommon = {
  id: z.number().int(),
  position: z.number().int(),
  serviceId: z.number().int(),
  serviceCode: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string(),
  pricingUnit: PricingUnit,
  weightGrams: z.number().int().nullable(),
  quantity: z.number().int().nullable(),
  itemType: z.string().nullable(),
  itemCategory: z.string().nullable(),
  conditionNotes: z.string().nullable(),
  specialTreatment: z.string().nullable(),
};

export const LaundryLineWorkerView = z.object(lineCommon).meta({ id: 'LaundryLineWorkerView' });
export const LaundryLine = z
  .object({
    ...lineCommon,
    unitPriceCents: z.number().int(),
    clientPrice: z.boolean().meta({ description: "Priced at the client's own price (issue 19 §7), not the catalogue's." }),
    minimumChargeCents: z.number().int().nullable(),
    baseCents: z.number().int(),
    minimumApplied: z.boolean(),
    expressCents: z.number().int(),
    totalCents: z.number().int(),
  })
  .meta({ id: 'LaundryLine' });

export const StatusChange = z
  .object({
    id: z.number().int(),
    fromStatus: LaundryStatus.nullable(),
    toStatus: LaundryStatus,
    changedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    note: z.string().nullable(),
    isRevert: z.boolean(),
    changedAt: z.string(),
  })
  .meta({ id: 'LaundryStatusChange' });

const orderCommon = {
  id: z.number().int(),
  orderNumber: z.string().meta({ example: 'LDR-20260310-001' }),
  orderType: LaundryOrderType,
  status: LaundryStatus,
  expectedReadyDate: z.string().nullable(),
  specialInstructions: z.string().nullable(),
  deliveryRequested: z.boolean(),
  deliveryDate: z.string().nullable(),
  readyAt: z.string().nullable(),
  collectedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  lineCount: z.number().int(),
  express: z.boolean(),
  rack: RackRef.nullable().meta({ description: 'Where the ready order waits.' }),
  requestId: z.number().int().nullable().meta({ description: 'The client request the order was made from.' }),
  items: z.array(LaundryItem).optional().meta({ description: 'Detail only: the tagged garments and bags.' }),
};

const money = {
  additionalChargesCents: z.number().int(),
  additionalChargesNote: z.string().nullable(),
  discountCents: z.number().int(),
  deliveryFeeCents: z.number().int(),
  vatRateBasisPoints: z.number().int(),
  linesTotalCents: z.number().int(),
  subtotalCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  paymentStatus: DocumentPaymentStatus,
};

const person = z.object({ id: z.number().int(), name: z.string() });

/** Staff (master/admin) see everything. */
export const LaundryOrder = z
  .object({
    ...orderCommon,
    ...money,
    client: z.object({ id: z.number().int(), name: z.string(), phone: z.string(), email: z.string().nullable(), billing: ClientBilling }),
    assignedWorker: person.nullable(),
    internalNotes: z.string().nullable(),
    remindedAt: z.string().nullable().meta({ description: 'When the client was last reminded to pay this order (issue 19 §6).' }),
    deliveryPropertyId: z.number().int().nullable(),
    deliveryAddress: z.string().nullable(),
    cancelReason: z.string().nullable(),
    allowedNext: z.array(LaundryStatus),
    suggestedRack: RackRef.nullable().optional().meta({ description: 'Detail of a ready order without a rack: the next free one.' }),
    lines: z.array(LaundryLine).optional(),
    history: z.array(StatusChange).optional(),
    payments: PaymentSummary.optional().meta({ description: 'Detail only: payment status, balance, history and receipt.' }),
  })
  .meta({ id: 'LaundryOrder' });

/** Workers process orders: no money, no client contact beyond the name. */
export const LaundryOrderWorkerView = z
  .object({
    ...orderCommon,
    client: person,
    assignedWorker: person.nullable(),
    internalNotes: z.string().nullable(),
    allowedNext: z.array(LaundryStatus),
    suggestedRack: RackRef.nullable().optional(),
    lines: z.array(LaundryLineWorkerView).optional(),
    history: z.array(StatusChange).optional(),
  })
  .meta({ id: 'LaundryOrderWorkerView' });

/** Clients read their own orders: totals yes, internal notes and staff names no. */
export const LaundryOrderClientView = z
  .object({
    ...orderCommon,
    ...money,
    deliveryAddress: z.string().nullable(),
    lines: z.array(LaundryLine).optional(),
    history: z.array(StatusChange.omit({ changedBy: true })).optional(),
  })
  .meta({ id: 'LaundryOrderClientView' });

export type LaundryLineInputDto = z.infer<typeof LaundryLineInput>;
export type CreateLaundryOrderInput = z.infer<typeof CreateLaundryOrderBody>;
export type UpdateLaundryOrderInput = z.infer<typeof UpdateLaundryOrderBody>;
export type PricePreviewInput = z.infer<typeof PricePreviewBody>;
export type LaundryOrderDto = z.infer<typeof LaundryOrder>;
export type LaundryOrderWorkerDto = z.infer<typeof LaundryOrderWorkerView>;
export type LaundryOrderClientDto = z.infer<typeof LaundryOrderClientView>;
export type LaundryServiceDto = z.infer<typeof LaundryService>;
export type CreateLaundryServiceInput = z.infer<typeof CreateLaundryServiceBody>;
export type UpdateLaundryServiceInput = z.infer<typeof UpdateLaundryServiceBody>;
export type LaundryStatusValue = z.infer<typeof LaundryStatus>;
