import { z } from 'zod';
import { CLEANING_LIMITS, CreateCleaningJobBody, type CreateCleaningJobInput, type UpdateCleaningJobInput } from '@contracts/cleaning';
import type { StaffJob } from '@/features/cleaning/api/keys';

// The job form's values: their schema, and the API bodies made from them (a new job, or only what an
// edit changed), with the map from the API's error paths back to the fields.

const REPEATS = ['none', 'weekly', 'everyWeeks', 'monthly'] as const;
const shape = CreateCleaningJobBody.shape;

/** The form's own fields, each validated by the contract's schema for it (plus a few form-only ones). */
export const JobFormSchema = z
  .object({
    clientId: shape.clientId,
    propertyId: shape.propertyId,
    jobType: shape.jobType,
    scheduledDate: shape.scheduledDate,
    scheduledTime: shape.scheduledTime,
    estimatedHours: shape.estimatedHours,
    hourlyRateEuros: z.number().min(0).max(CLEANING_LIMITS.hourlyRateCents / 100),
    workerIds: shape.workerIds,
    specialInstructions: z.string().trim().max(2000),
    internalNotes: z.string().trim().max(2000),
    repeat: z.enum(REPEATS),
    interval: z.number().int().min(1).max(CLEANING_LIMITS.recurrenceInterval),
    until: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.repeat === 'none') return;
    if (!v.until) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'required' });
      return;
    }
    // The contract's own rules for a series (a real date, not before the first one, at most two years).
    const body = CreateCleaningJobBody.safeParse(toCreateBody(v as FormValues));
    if (!body.success && body.error.issues.some((issue) => issue.path[0] === 'recurrence')) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'invalid' });
    }
  });

export type FormValues = z.input<typeof JobFormSchema>;

function recurrenceOf(v: FormValues): CreateCleaningJobInput['recurrence'] {
  if (v.repeat === 'none') return undefined;
  if (v.repeat === 'monthly') return { frequency: 'monthly', interval: 1, until: v.until };
  return { frequency: 'weekly', interval: v.repeat === 'everyWeeks' ? v.interval : 1, until: v.until };
}

export const cents = (euros: number) => Math.round(euros * 100);
const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toCreateBody(v: FormValues): CreateCleaningJobInput {
  return {
    clientId: v.clientId,
    propertyId: v.propertyId,
    jobType: v.jobType,
    scheduledDate: v.scheduledDate,
    scheduledTime: v.scheduledTime,
    estimatedHours: v.estimatedHours,
    hourlyRateCents: cents(v.hourlyRateEuros),
    workerIds: v.workerIds,
    specialInstructions: textOrNull(v.specialInstructions),
    internalNotes: textOrNull(v.internalNotes),
    recurrence: recurrenceOf(v),
  };
}

/** Only what changed, so an edit never rewrites fields someone else changed meanwhile. */
export function toUpdateBody(job: StaffJob, v: FormValues, scope: 'this' | 'future'): UpdateCleaningJobInput {
  const body: UpdateCleaningJobInput = { version: job.version, scope };
  if (v.propertyId !== job.property.id) body.propertyId = v.propertyId;
  if (v.jobType !== job.jobType) body.jobType = v.jobType;
  if (v.scheduledDate !== job.scheduledDate) body.scheduledDate = v.scheduledDate;
  if (v.scheduledTime !== job.scheduledTime) body.scheduledTime = v.scheduledTime;
  if (v.estimatedHours !== job.estimatedHours) body.estimatedHours = v.estimatedHours;
  if (cents(v.hourlyRateEuros) !== job.hourlyRateCents) body.hourlyRateCents = cents(v.hourlyRateEuros);
  if (v.workerIds.join(',') !== job.workers.map((w) => w.id).join(',')) body.workerIds = v.workerIds;
  if (textOrNull(v.specialInstructions) !== job.specialInstructions) body.specialInstructions = textOrNull(v.specialInstructions);
  if (textOrNull(v.internalNotes) !== job.internalNotes) body.internalNotes = textOrNull(v.internalNotes);
  if (job.series && v.until && v.until !== job.series.until) body.recurrenceUntil = v.until;
  return body;
}

/** API field paths (`body.workerIds`, `body.recurrence.until`) and codes → the form field to mark. */
export const FIELD_OF_PATH: Record<string, keyof FormValues> = {
  clientId: 'clientId',
  propertyId: 'propertyId',
  jobType: 'jobType',
  scheduledDate: 'scheduledDate',
  scheduledTime: 'scheduledTime',
  estimatedHours: 'estimatedHours',
  hourlyRateCents: 'hourlyRateEuros',
  workerIds: 'workerIds',
  specialInstructions: 'specialInstructions',
  internalNotes: 'internalNotes',
  recurrence: 'until',
  recurrenceUntil: 'until',
};
export const FIELD_OF_CODE: Record<string, keyof FormValues> = {
  UNKNOWN_CLIENT: 'clientId',
  CLIENT_INACTIVE: 'clientId',
  CLIENT_ANONYMISED: 'clientId',
  INVALID_PROPERTY: 'propertyId',
  PROPERTY_INACTIVE: 'propertyId',
  INVALID_WORKER: 'workerIds',
  WORKER_HAS_OPEN_LOG: 'workerIds',
};
