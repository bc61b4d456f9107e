import { z } from 'zod';
import { ClientBilling } from './clients.js';
import { CalendarDate, Instant, RecordVersion } from './primitives.js';
import { PaymentSummary } from './payments.js';
import { DocumentPaymentStatus } from './accounts.js';

/**
 * Cleaning-job shapes shared by the server and the web app. Money is integer cents; dates are Lisbon
 * calendar dates (YYYY-MM-DD) and times Lisbon wall-clock times (HH:MM); instants are ISO 8601.
 */

export const CLEANING_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export const CleaningStatus = z.enum(CLEANING_STATUSES).meta({ id: 'CleaningStatus' });
export const CleaningJobType = z.enum(['airbnb', 'house']).meta({ id: 'CleaningJobType' });
export const RecurrenceFrequency = z.enum(['weekly', 'monthly']).meta({ id: 'RecurrenceFrequency' });
export const EditScope = z
  .enum(['this', 'future'])
  .meta({ id: 'CleaningEditScope', description: 'A recurring job: change this occurrence only, or this one and every later one.' });

/** Documented maxima: anything above is a typo, refused with the field named. */
export const CLEANING_LIMITS = {
  estimatedHours: 24,
  hourlyRateCents: 100_000,
  workers: 10,
  recurrenceInterval: 12,
  /** A series may be planned up to this many days after its first date. */
  recurrenceSpanDays: 731,
} as const;

const text = (max: number) => z.string().trim().max(max).optional().nullable();
const isoDate = CalendarDate;
const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 h)')
  .meta({ example: '09:30' });
const instant = Instant;
const Version = RecordVersion.meta({ description: 'The version you read; a stale one gets 409 STALE_VERSION.' });
const id = z.number().int().positive();
const hours = z
  .number()
  .min(0.5, 'at least half an hour')
  .max(CLEANING_LIMITS.estimatedHours)
  .refine((v) => Number.isInteger(v * 2), 'in steps of half an hour')
  .meta({ description: 'Expected time on site, in 0.5 h steps.', example: 2.5 });
const rate = z.number().int('must be whole cents').min(0).max(CLEANING_LIMITS.hourlyRateCents);
const workerIds = z
  .array(id)
  .min(1, 'assign at least one worker')
  .max(CLEANING_LIMITS.workers)
  .refine((ids) => new Set(ids).size === ids.length, 'a worker appears twice')
  .meta({ description: 'Ordered: the first is the primary worker.' });

export const RecurrenceInput = z
  .object({
    frequency: RecurrenceFrequency,
    interval: z.number().int().min(1).max(CLEANING_LIMITS.recurrenceInterval).default(1).meta({ description: 'Every N weeks (or months).' }),
    until: isoDate.meta({ description: 'Last possible date of an occurrence (inclusive).' }),
  })
  .strict()
  .meta({ id: 'RecurrenceInput', description: 'Weekly on the weekday of the first date, or monthly on its day of the month.' });

export const CreateCleaningJobBody = z
  .object({
    clientId: id,
    propertyId: id.meta({ description: "One of the client's properties." }),
    jobType: CleaningJobType,
    scheduledDate: isoDate,
    scheduledTime: wallTime,
    estimatedHours: hours,
    hourlyRateCents: rate.optional().meta({ description: 'Defaults to the cleaningHourlyRateCents setting.' }),
    workerIds,
    specialInstructions: text(2000),
    internalNotes: text(2000),
    recurrence: RecurrenceInput.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.recurrence) return;
    const span = (Date.parse(v.recurrence.until) - Date.parse(v.scheduledDate)) / 86_400_000;
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'must not be before the first date' });
    if (span > CLEANING_LIMITS.recurrenceSpanDays) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'at most two years after the first date' });
  })
  .meta({
    id: 'CreateCleaningJobBody',
    example: { clientId: 1, propertyId: 1, jobType: 'airbnb', scheduledDate: '2026-03-12', scheduledTime: '10:00', estimatedHours: 2.5, workerIds: [3, 4] },
  });

export const UpdateCleaningJobBody = z
  .object({
    version: Version,
    scope: EditScope.default('this'),
    propertyId: id.optional(),
    jobType: CleaningJobType.optional(),
    scheduledDate: isoDate.optional(),
    scheduledTime: wallTime.optional(),
    estimatedHours: hours.optional(),
    hourlyRateCents: rate.optional(),
    workerIds: workerIds.optional(),
    specialInstructions: text(2000),
    internalNotes: text(2000),
    recurrenceUntil: isoDate.optional().meta({ description: 'With scope "future": a new last date for the series.' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.recurrenceUntil && v.scope !== 'future') ctx.addIssue({ code: 'custom', path: ['recurrenceUntil'], message: 'only with scope "future"' });
  })
  .meta({ id: 'UpdateCleaningJobBody' });

/** Start and End: every field optional, and the body itself may be absent (a bare tap). */
export const TimeTapBody = z
  .object({
    workerId: id.optional().meta({ description: 'Staff only, and required for staff: the worker they act for. A staff press is never labour.' }),
    occurredAt: instant
      .optional()
      .meta({ description: 'When the tap happened, if the phone queued it offline; not in the future, not older than the offlineTapWindowHours setting.' }),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.latitude === undefined ? 'latitude' : 'longitude'], message: 'latitude and longitude go together' });
    }
  })
  .meta({ id: 'CleaningTimeTapBody' });

export const CompleteCleaningJobBody = z
  .object({
    openLogEnds: z
      .array(z.object({ timeLogId: id, endedAt: instant }).strict())
      .max(CLEANING_LIMITS.workers * 2)
      .optional()
      .meta({ description: 'Staff only: end times for logs still open, so the job can be completed.' }),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ id: 'CompleteCleaningJobBody' });

export const CancelCleaningJobBody = z
  .object({
    reason: z.string().trim().min(3, 'say why').max(500),
    scope: EditScope.default('this'),
  })
  .strict()
  .meta({ id: 'CancelCleaningJobBody' });

export const CorrectTimeLogBody = z
  .object({
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    reason: z.string().trim().min(3, 'say why').max(500),
  })
  .strict()
  .refine((v) => v.startedAt !== undefined || v.endedAt !== undefined, 'give a new start, a new end, or both')
  .meta({ id: 'CorrectTimeLogBody' });

// --- Answers -------------------------------------------------------------------------------------

const person = z.object({ id: z.number().int(), name: z.string() });

export const AssignedWorker = z
  .object({ id: z.number().int(), name: z.string(), position: z.number().int(), isPrimary: z.boolean() })
  .meta({ id: 'CleaningAssignedWorker' });

const propertyBase = {
  id: z.number().int(),
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  postalCode: z.string(),
  district: z.string(),
};
export const JobProperty = z
  .object({
    ...propertyBase,
    accessInstructions: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "Job detail only: staff always; the job's workers from accessInstructionsFrom until completion (each view audited)." }),
  })
  .meta({ id: 'CleaningJobProperty' });
export const ClientJobProperty = z.object(propertyBase).meta({ id: 'CleaningClientJobProperty' });

export const SeriesInfo = z
  .object({ id: z.number().int(), index: z.number().int(), frequency: RecurrenceFrequency, interval: z.number().int(), until: z.string(), ended: z.boolean() })
  .meta({ id: 'CleaningSeriesInfo' });

export const TimeLog = z
  .object({
    id: z.number().int(),
    worker: person,
    startedAt: z.string().meta({ description: 'The moment that counts: the tap time when the phone sent one, else the server time.' }),
    startReceivedAt: z.string(),
    startOccurredAt: z.string().nullable(),
    startLatitude: z.number().nullable(),
    startLongitude: z.number().nullable(),
    startNote: z.string().nullable(),
    startedBy: person,
    endedAt: z.string().nullable(),
    endReceivedAt: z.string().nullable(),
    endOccurredAt: z.string().nullable(),
    endLatitude: z.number().nullable(),
    endLongitude: z.number().nullable(),
    endNote: z.string().nullable(),
    endedBy: person.nullable(),
    durationMinutes: z.number().int().nullable().meta({ description: 'Whole minutes of the log (display).' }),
    durationSeconds: z.number().int().nullable().meta({ description: 'Exact duration in whole seconds; labour is billed from these.' }),
    flaggedForReview: z.boolean(),
    correction: z.object({ reason: z.string(), at: z.string(), by: person.nullable() }).nullable(),
  })
  .meta({ id: 'CleaningTimeLog' });

export const ClientTimeLog = z
  .object({ id: z.number().int(), workerName: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), durationMinutes: z.number().int().nullable(), durationSeconds: z.number().int().nullable() })
  .meta({ id: 'CleaningClientTimeLog' });

export const CleaningStatusChange = z
  .object({
    id: z.number().int(),
    fromStatus: CleaningStatus.nullable(),
    toStatus: CleaningStatus,
    changedBy: person.nullable(),
    note: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'CleaningStatusChange' });

export const CleaningEstimate = z
  .object({
    labourMinutes: z.number().int(),
    subtotalCents: z.number().int(),
    vatRateBasisPoints: z.number().int(),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
  })
  .meta({ id: 'CleaningEstimate', description: 'Estimated hours × workers × hourly rate, with the VAT rate in force now.' });

export const CleaningPrice = z
  .object({
    hourlyRateCents: z.number().int(),
    billingIncrementMinutes: z.number().int(),
    labourMinutes: z.number().int().meta({ description: 'Whole minutes of labourSeconds.' }),
    labourSeconds: z.number().int().meta({ description: "Sum of every worker's logged seconds." }),
    billableMinutes: z.number().int().meta({ description: 'Labour seconds rounded up, once, to the billing increment.' }),
    subtotalCents: z.number().int(),
    vatRateBasisPoints: z.number().int(),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
    pricedAt: z.string(),
  })
  .meta({ id: 'CleaningPrice', description: 'Priced at completion; every input is a snapshot.' });

export const DoubleBookingWarning = z
  .object({
    code: z.literal('DOUBLE_BOOKING'),
    message: z.string(),
    jobId: z.number().int(),
    workerId: z.number().int(),
    workerName: z.string(),
    conflictingJobId: z.number().int(),
    conflictingStartAt: z.string(),
    conflictingEndAt: z.string(),
  })
  .meta({ id: 'CleaningDoubleBookingWarning' });

/** How many photos a job has of each type (issue 7: counts per type in the job detail). */
export const JobPhotoCounts = z
  .object({ before: z.number().int(), after: z.number().int(), detail: z.number().int() })
  .meta({ id: 'CleaningJobPhotoCounts' });

const jobCommon = {
  id: z.number().int(),
  status: CleaningStatus,
  jobType: CleaningJobType,
  scheduledDate: z.string(),
  scheduledTime: z.string(),
  scheduledStartAt: z.string(),
  scheduledEndAt: z.string().meta({ description: 'Start plus the estimated hours.' }),
  estimatedHours: z.number(),
  specialInstructions: z.string().nullable(),
  workers: z.array(AssignedWorker),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  series: SeriesInfo.nullable(),
  backToBack: z.boolean().meta({ description: 'A turnover whose next guests check in the same day: done first, by the deadline.' }),
  deadlineAt: z.string().nullable().meta({ description: 'Back-to-back turnovers: the next check-in, by which the cleaning must be done.' }),
  requestId: z.number().int().nullable().meta({ description: 'The client request the job was made from.' }),
  photoCounts: JobPhotoCounts.optional().meta({ description: "Detail only: the job's photos per type." }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Staff (master/admin) see everything. */
export const CleaningJob = z
  .object({
    ...jobCommon,
    client: z.object({ id: z.number().int(), name: z.string(), phone: z.string(), email: z.string().nullable(), billing: ClientBilling }),
    property: JobProperty,
    internalNotes: z.string().nullable(),
    remindedAt: z.string().nullable().meta({ description: 'When the client was last reminded to pay this job (issue 19 §6).' }),
    hourlyRateCents: z.number().int(),
    clientPrice: z.boolean().meta({ description: "The hourly rate is the client's own price (issue 19 §7)." }),
    estimate: CleaningEstimate,
    price: CleaningPrice.nullable(),
    paymentStatus: DocumentPaymentStatus,
    allowedNext: z.array(CleaningStatus),
    openTimeLogs: z.number().int(),
    timeLogs: z.array(TimeLog).optional(),
    history: z.array(CleaningStatusChange).optional(),
    payments: PaymentSummary.optional().meta({ description: 'Detail only: payment status (deposits against the estimate until completed), balance, history and receipt.' }),
    warnings: z.array(DoubleBookingWarning).optional().meta({ description: 'On create and edit: overlapping estimated windows of a worker (not a block).' }),
    affectedJobIds: z.array(z.number().int()).optional().meta({ description: 'On create and edit of a recurring job: every job created or changed.' }),
  })
  .meta({ id: 'CleaningJob' });

/** A worker on the job: the address, access notes in their window, no prices, rates or payments. */
export const CleaningJobWorkerView = z
  .object({
    ...jobCommon,
    client: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }),
    property: JobProperty,
    internalNotes: z.string().nullable(),
    accessInstructionsFrom: z.string().meta({ description: 'From this instant until completion the job detail shows the access instructions.' }),
    myOpenTimeLogId: z.number().int().nullable().meta({ description: "The caller's open time log on this job, if any." }),
    myTimeLogged: z.boolean().meta({ description: 'Whether the caller has logged time on this job (open or closed): their Start is done.' }),
    othersOnSite: z.number().int().meta({ description: 'How many other workers are clocked in on this job now.' }),
    allowedNext: z.array(CleaningStatus),
    timeLogs: z.array(TimeLog).optional(),
    history: z.array(CleaningStatusChange).optional(),
  })
  .meta({ id: 'CleaningJobWorkerView' });

/** The client's own job: prices yes; access instructions, internal notes and staff names in history no. */
export const CleaningJobClientView = z
  .object({
    ...jobCommon,
    property: ClientJobProperty,
    estimate: CleaningEstimate,
    price: CleaningPrice.nullable(),
    paymentStatus: DocumentPaymentStatus,
    timeLogs: z.array(ClientTimeLog).optional(),
    history: z.array(CleaningStatusChange.omit({ changedBy: true })).optional(),
  })
  .meta({ id: 'CleaningJobClientView' });

export type CreateCleaningJobInput = z.infer<typeof CreateCleaningJobBody>;
export type UpdateCleaningJobInput = z.infer<typeof UpdateCleaningJobBody>;
export type TimeTapInput = z.infer<typeof TimeTapBody>;
export type CompleteCleaningJobInput = z.infer<typeof CompleteCleaningJobBody>;
export type CancelCleaningJobInput = z.infer<typeof CancelCleaningJobBody>;
export type CorrectTimeLogInput = z.infer<typeof CorrectTimeLogBody>;
export type CleaningJobDto = z.infer<typeof CleaningJob>;
export type CleaningJobWorkerDto = z.infer<typeof CleaningJobWorkerView>;
export type CleaningJobClientDto = z.infer<typeof CleaningJobClientView>;
export type TimeLogDto = z.infer<typeof TimeLog>;
export type JobPhotoCountsDto = z.infer<typeof JobPhotoCounts>;
export type DoubleBookingWarningDto = z.infer<typeof DoubleBookingWarning>;
export type CleaningStatusValue = z.infer<typeof CleaningStatus>;
