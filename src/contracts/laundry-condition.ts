import { z } from 'zod';
import { PHOTO_UPLOAD_LIMITS } from './photos.js';

/**
 * The condition of laundry items at intake (issue 21 §6): notes of what was wrong with a garment when
 * it came in (a stain, a tear, a missing button…) and photos of it, which the client sees in the order
 * and acknowledges. Shared by the server and the SPA.
 */

export const CONDITION_KINDS = ['stain', 'tear', 'missing_button', 'discolouration', 'other'] as const;
export const ConditionKind = z.enum(CONDITION_KINDS).meta({ id: 'LaundryConditionKind' });
export type ConditionKindValue = (typeof CONDITION_KINDS)[number];

/** Words for each kind, for the ticket PDF (the screens have their own strings). */
export const CONDITION_KIND_WORDS: Record<'pt' | 'en', Record<ConditionKindValue, string>> = {
  pt: { stain: 'Nódoa', tear: 'Rasgão', missing_button: 'Botão em falta', discolouration: 'Descoloração', other: 'Outro' },
  en: { stain: 'Stain', tear: 'Tear', missing_button: 'Missing button', discolouration: 'Discolouration', other: 'Other' },
};

export const CONDITION_LIMITS = { note: 500, photosPerItem: 10, notesPerItem: 20 } as const;

export const AddConditionBody = z
  .object({
    kind: ConditionKind,
    note: z.string().trim().max(CONDITION_LIMITS.note).optional().nullable().meta({ description: 'Free text: where and what. Required when the kind is `other`.' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what was noted' });
  })
  .meta({ id: 'AddLaundryConditionBody' });
export type AddConditionInput = z.infer<typeof AddConditionBody>;

const uploadKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'must be 8–100 characters of letters, digits and . _ : -')
  .meta({ description: "The tablet's own id for this photo: a retry with the same key returns the photo it made." });

export const UploadConditionPhotoForm = z
  .object({
    photos: z
      .array(z.string().meta({ format: 'binary' }))
      .optional()
      .meta({ description: `1–${PHOTO_UPLOAD_LIMITS.filesPerRequest} image files (JPEG, PNG, WebP), at most 10 MB each.` }),
    caption: z.string().trim().max(PHOTO_UPLOAD_LIMITS.caption).optional(),
    uploadKey: uploadKey.optional().meta({ description: 'For a single file.' }),
  })
  .strict()
  .meta({ id: 'UploadLaundryConditionPhotoForm' });
export type UploadConditionPhotoInput = z.infer<typeof UploadConditionPhotoForm>;

const person = z.object({ id: z.number().int(), name: z.string() });

export const ConditionNote = z
  .object({
    id: z.number().int(),
    kind: ConditionKind,
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: person.optional().meta({ description: 'Staff and workers only.' }),
  })
  .meta({ id: 'LaundryConditionNote' });

export const ConditionPhoto = z
  .object({
    id: z.number().int(),
    caption: z.string().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    uploadedAt: z.string(),
    url: z.string().meta({ example: '/api/laundry-condition-photos/12' }),
    thumbnailUrl: z.string().meta({ example: '/api/laundry-condition-photos/12/thumbnail' }),
    uploadedBy: person.optional().meta({ description: 'Staff and workers only.' }),
  })
  .meta({ id: 'LaundryConditionPhoto' });
export type ConditionPhotoDto = z.infer<typeof ConditionPhoto>;

export const ItemCondition = z
  .object({
    itemId: z.number().int(),
    tagCode: z.string(),
    description: z.string(),
    notes: z.array(ConditionNote),
    photos: z.array(ConditionPhoto),
  })
  .meta({ id: 'LaundryItemCondition' });
export type ItemConditionDto = z.infer<typeof ItemCondition>;

export const OrderCondition = z
  .object({
    orderId: z.number().int(),
    orderNumber: z.string(),
    items: z.array(ItemCondition).meta({ description: 'The items with something noted, in tag order.' }),
    acknowledgement: z
      .object({ at: z.string(), by: person })
      .nullable()
      .meta({ description: 'The client’s acknowledgement of what is noted; cleared when something is added after it.' }),
  })
  .meta({ id: 'LaundryOrderCondition' });
export type OrderConditionDto = z.infer<typeof OrderCondition>;

export const UploadConditionPhotosResult = z
  .object({ photos: z.array(ConditionPhoto), created: z.number().int(), replayed: z.number().int() })
  .meta({ id: 'UploadLaundryConditionPhotosResult' });
export type UploadConditionPhotosResultDto = z.infer<typeof UploadConditionPhotosResult>;
