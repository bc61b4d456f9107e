import { z } from 'zod';
import { RecordVersion } from './primitives.js';

/**
 * The laundry floor (issue 21): price-list categories, express options, tagged items and bags, their
 * stages through the shop, and the racks where ready orders wait. Pure: shared by the server and the SPA.
 */

const text = (max: number) => z.string().trim().max(max).optional().nullable();
const name = (max: number) => z.string().trim().min(1, 'required').max(max);
const Version = RecordVersion.meta({ description: 'The version you read; a stale one gets 409 STALE_VERSION.' });

export const FLOOR_LIMITS = { itemsPerOrder: 1000, bagsPerLine: 20, turnaroundDays: 60, expressPercentBp: 20_000, expressFixedCents: 100_000 } as const;

// --- Categories ----------------------------------------------------------------------------------

export const LaundryCategory = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string(),
    position: z.number().int(),
    isActive: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'LaundryCategory' });
export type LaundryCategoryDto = z.infer<typeof LaundryCategory>;

export const CreateLaundryCategoryBody = z
  .object({ name: name(80), nameEn: name(80), position: z.number().int().min(0).max(10_000).default(0) })
  .strict()
  .meta({ id: 'CreateLaundryCategoryBody' });

export const UpdateLaundryCategoryBody = z
  .object({
    version: Version,
    name: name(80).optional(),
    nameEn: name(80).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateLaundryCategoryBody' });

// --- Express -------------------------------------------------------------------------------------

/**
 * An express option: `percent` is basis points of the line (5000 = +50 %), `fixed` is cents per piece
 * (per-item services) or per line (per-kg services). Its turnaround replaces the service's.
 */
export const ExpressOption = z
  .object({
    kind: z.enum(['percent', 'fixed']),
    value: z.number().int().min(0).max(FLOOR_LIMITS.expressFixedCents),
    turnaroundDays: z.number().int().min(0).max(FLOOR_LIMITS.turnaroundDays),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'percent' && v.value > FLOOR_LIMITS.expressPercentBp) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a percentage is at most ${FLOOR_LIMITS.expressPercentBp / 100} %` });
    }
  })
  .meta({ id: 'LaundryExpressOption' });
export type ExpressOptionDto = z.infer<typeof ExpressOption>;

// --- Items and tags ------------------------------------------------------------------------------

export const ITEM_STAGES = ['received', 'washing', 'drying', 'ironing', 'ready'] as const;
export const ItemStage = z.enum(ITEM_STAGES).meta({ id: 'LaundryItemStage' });
export type ItemStageValue = (typeof ITEM_STAGES)[number];

export const LaundryItem = z
  .object({
    id: z.number().int(),
    lineId: z.number().int(),
    seq: z.number().int(),
    kind: z.enum(['item', 'bag']),
    tagCode: z.string().meta({ example: '003-07', description: 'Short, unique in its order: printed and read aloud.' }),
    globalCode: z.string().meta({ example: 'LDR-20261206-003-07', description: 'Unique everywhere: what the label QR holds.' }),
    description: z.string(),
    category: z.string().nullable(),
    colour: z.string().nullable(),
    brand: z.string().nullable(),
    notes: z.string().nullable(),
    stage: ItemStage,
    stageChangedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'LaundryItem' });
export type LaundryItemDto = z.infer<typeof LaundryItem>;

export const UpdateLaundryItemBody = z
  .object({ version: Version, colour: text(40), brand: text(60), notes: text(500), category: text(80) })
  .strict()
  .meta({ id: 'UpdateLaundryItemBody' });

export const ItemStageBody = z
  .object({ stage: ItemStage.exclude(['received']).meta({ description: 'A later stage than the current one.' }) })
  .strict()
  .meta({ id: 'LaundryItemStageBody' });

export const ItemRevertBody = z
  .object({ stage: ItemStage, reason: z.string().trim().min(3, 'say why').max(500) })
  .strict()
  .meta({ id: 'LaundryItemRevertBody' });

export const RackRef = z.object({ id: z.number().int(), code: z.string() }).meta({ id: 'LaundryRackRef' });

/** What a scan answers: the item and enough of its order to act on it. */
export const TagLookup = z
  .object({
    item: LaundryItem,
    nextStage: ItemStage.nullable(),
    order: z.object({
      id: z.number().int(),
      orderNumber: z.string(),
      status: z.string(),
      clientName: z.string(),
      expectedReadyDate: z.string().nullable(),
      itemCount: z.number().int(),
      readyCount: z.number().int(),
      rack: RackRef.nullable(),
      suggestedRack: RackRef.nullable().meta({ description: 'When the order is ready and has no rack yet: the next free one.' }),
    }),
  })
  .meta({ id: 'LaundryTagLookup' });
export type TagLookupDto = z.infer<typeof TagLookup>;

// --- Racks ---------------------------------------------------------------------------------------

export const LaundryRack = z
  .object({
    id: z.number().int(),
    code: z.string(),
    position: z.number().int(),
    isActive: z.boolean(),
    version: z.number().int(),
    order: z
      .object({ id: z.number().int(), orderNumber: z.string(), clientName: z.string(), readyAt: z.string().nullable() })
      .nullable()
      .meta({ description: 'The ready order on this rack, if any.' }),
  })
  .meta({ id: 'LaundryRack' });
export type LaundryRackDto = z.infer<typeof LaundryRack>;

const rackCode = z
  .string()
  .trim()
  .min(1, 'required')
  .max(20)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, space, dot, dash');

export const CreateLaundryRackBody = z
  .object({ code: rackCode, position: z.number().int().min(0).max(10_000).default(0) })
  .strict()
  .meta({ id: 'CreateLaundryRackBody' });

export const UpdateLaundryRackBody = z
  .object({ version: Version, code: rackCode.optional(), position: z.number().int().min(0).max(10_000).optional(), isActive: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateLaundryRackBody' });

export const AssignRackBody = z.object({ rackId: z.number().int().positive() }).strict().meta({ id: 'AssignLaundryRackBody' });

export const LabelFormat = z.enum(['roll', 'sheet']).meta({ id: 'LaundryLabelFormat', description: 'roll: 58 mm thermal roll, one label per page; sheet: A4 sheet of 24 stickers.' });
