import { z } from 'zod';
import { CalendarDate, RecordVersion } from './primitives.js';

/**
 * A client's own prices (issue 19 §7): overrides of a laundry service's catalogue price (per kg or per
 * item, in the service's unit) or of the cleaning hourly rate, valid on Lisbon days from `validFrom` to
 * `validTo` (inclusive; open-ended when null). Staff only. Pure: no Node or server imports.
 */

export const ClientPriceItem = z.enum(['laundry_service', 'cleaning_hour']);

export const ClientPrice = z
  .object({
    id: z.number().int(),
    clientId: z.number().int(),
    item: ClientPriceItem,
    serviceId: z.number().int().nullable(),
    serviceCode: z.string().nullable(),
    serviceName: z.string().nullable(),
    serviceNameEn: z.string().nullable(),
    pricingUnit: z.enum(['per_kg', 'per_item']).nullable(),
    catalogueCents: z.number().int().meta({ description: "The catalogue price (or the settings' hourly rate) it overrides, as it is now." }),
    priceCents: z.number().int(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ClientPrice' });

/** Integer cents above zero: an override of 0 or less is a 400 (PRICE_NOT_POSITIVE). */
const PriceCents = z.number().int('whole cents').max(100_000);

const validity = <T extends { validFrom?: string | undefined; validTo?: string | null | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
};

export const CreateClientPriceBody = z
  .object({
    item: ClientPriceItem,
    serviceId: z.number().int().min(1).optional().meta({ description: 'Required for laundry_service; not accepted for cleaning_hour.' }),
    priceCents: PriceCents,
    validFrom: CalendarDate,
    validTo: CalendarDate.nullable().optional(),
  })
  .strict()
  .superRefine(validity)
  .meta({ id: 'CreateClientPriceBody', example: { item: 'laundry_service', serviceId: 1, priceCents: 250, validFrom: '2026-01-01', validTo: null } });

export const UpdateClientPriceBody = z
  .object({
    version: RecordVersion,
    priceCents: PriceCents.optional(),
    validFrom: CalendarDate.optional(),
    validTo: CalendarDate.nullable().optional(),
  })
  .strict()
  .superRefine(validity)
  .meta({ id: 'UpdateClientPriceBody' });

export type ClientPriceDto = z.infer<typeof ClientPrice>;
export type ClientPriceItemValue = z.infer<typeof ClientPriceItem>;
export type CreateClientPriceInput = z.infer<typeof CreateClientPriceBody>;
export type UpdateClientPriceInput = z.infer<typeof UpdateClientPriceBody>;
