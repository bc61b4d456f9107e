import { z } from 'zod';
import { Instant, PG_INTEGER_MAX, RecordVersion } from './primitives.js';

/** Checklists (issue 20 §3): templates, a job's own copy and its ticks. Pure: no Node or server imports. */

export const ChecklistItemInput = z
  .object({
    label: z.string().trim().min(1).max(300),
    required: z.boolean().default(true),
    requiresPhoto: z.boolean().default(false).meta({ description: 'Ticked only with a photo of the job uploaded for it.' }),
  })
  .strict();

export const ChecklistSectionInput = z
  .object({ title: z.string().trim().min(1).max(120), items: z.array(ChecklistItemInput).min(1).max(100) })
  .strict();

const sections = z.array(ChecklistSectionInput).min(1).max(30);

export const CreateChecklistTemplateBody = z
  .object({ name: z.string().trim().min(1).max(120), sections })
  .strict()
  .meta({
    id: 'CreateChecklistTemplateBody',
    example: { name: 'Saída T1', sections: [{ title: 'Casa de banho', items: [{ label: 'Toalhas novas', required: true, requiresPhoto: true }] }] },
  });

export const UpdateChecklistTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    sections,
    isActive: z.boolean().optional().meta({ description: 'false switches the template off: no longer offered as a property default (left out: unchanged).' }),
    version: RecordVersion,
  })
  .strict()
  .meta({ id: 'UpdateChecklistTemplateBody' });

export const ChecklistTemplate = z
  .object({
    id: z.number().int(),
    name: z.string(),
    sections: z.array(z.object({ title: z.string(), items: z.array(z.object({ label: z.string(), required: z.boolean(), requiresPhoto: z.boolean() })) })),
    itemCount: z.number().int(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChecklistTemplate' });

export const JobChecklistItem = z
  .object({
    id: z.number().int(),
    section: z.string(),
    label: z.string(),
    required: z.boolean(),
    requiresPhoto: z.boolean(),
    done: z.boolean(),
    changedAt: z.string().nullable(),
    photoId: z.number().int().nullable(),
  })
  .meta({ id: 'JobChecklistItem' });

export const JobChecklist = z
  .object({
    jobId: z.number().int(),
    templateName: z.string().nullable().meta({ description: 'null: the property has no default checklist and the job none of its own.' }),
    items: z.array(JobChecklistItem),
    requiredLeft: z.number().int().meta({ description: 'Required items not done yet (completion needs 0, or a waiver).' }),
    waiver: z.object({ reason: z.string(), at: z.string() }).nullable(),
    complete: z.boolean().meta({ description: 'Every required item done, or waived: the job may be completed.' }),
  })
  .meta({ id: 'JobChecklist' });

export const TickChecklistItemBody = z
  .object({
    done: z.boolean(),
    occurredAt: Instant.optional().meta({ description: 'When the tap happened, if the phone queued it offline (same window as the time taps).' }),
    photoId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().meta({ description: 'For an item that requires a photo: the photo uploaded from it.' }),
    photoUploadKey: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'must be 8–100 characters of letters, digits and . _ : -')
      .optional()
      .meta({ description: 'Instead of photoId: the upload key the phone gave the photo (a tap queued offline before its photo was sent). 409 PHOTO_NOT_UPLOADED until it arrives.' }),
  })
  .strict()
  .refine((b) => b.photoId === undefined || b.photoUploadKey === undefined, { message: 'photoId or photoUploadKey, not both', path: ['photoUploadKey'] })
  .meta({ id: 'TickChecklistItemBody' });

export const WaiveChecklistBody = z
  .object({ reason: z.string().trim().min(3, 'say why').max(500) })
  .strict()
  .meta({ id: 'WaiveChecklistBody' });

export const ChecklistTemplateId = z.number().int().positive().max(PG_INTEGER_MAX);

export type ChecklistTemplateDto = z.infer<typeof ChecklistTemplate>;
export type CreateChecklistTemplateInput = z.infer<typeof CreateChecklistTemplateBody>;
export type UpdateChecklistTemplateInput = z.infer<typeof UpdateChecklistTemplateBody>;
export type JobChecklistDto = z.infer<typeof JobChecklist>;
export type TickChecklistItemInput = z.infer<typeof TickChecklistItemBody>;
