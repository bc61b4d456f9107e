import { z } from 'zod';
import { PG_INTEGER_MAX, RecordVersion } from './primitives.js';

/**
 * Short-let turnovers (issue 20): a property's turnover rule, its calendar feeds and the reservations
 * read from them. Pure: no Node or server imports.
 */

const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 h)')
  .meta({ example: '11:00' });
const hours = z
  .number()
  .min(0.5, 'at least half an hour')
  .max(24, 'at most 24 hours')
  .refine((h) => Number.isInteger(h * 2), 'in half hours (2.5, not 2.25)');

export const CALENDAR_SOURCES = ['airbnb', 'booking', 'vrbo', 'other'] as const;
export const CalendarSource = z.enum(CALENDAR_SOURCES).meta({ id: 'CalendarSource' });

export const TurnoverRule = z
  .object({
    propertyId: z.number().int(),
    cleanTime: z.string().meta({ description: 'The cleaning starts at this Lisbon time on the check-out day.' }),
    estimatedHours: z.number(),
    checkInTime: z.string().meta({ description: 'When a feed gives check-in as a date only, guests arrive at this time (the back-to-back deadline).' }),
    workerIds: z.array(z.number().int()).meta({ description: 'Assigned to each new turnover, first one primary.' }),
    checklistTemplateId: z.number().int().nullable().meta({ description: "The property's default checklist: each of its jobs gets a copy." }),
    version: z.number().int().meta({ description: '0 while the defaults are in use.' }),
  })
  .meta({ id: 'TurnoverRule' });

export const UpdateTurnoverRuleBody = z
  .object({
    cleanTime: wallTime,
    estimatedHours: hours,
    checkInTime: wallTime.default('15:00'),
    workerIds: z.array(z.number().int().positive()).max(10).refine((ids) => new Set(ids).size === ids.length, 'each worker once'),
    checklistTemplateId: z.number().int().positive().max(PG_INTEGER_MAX).nullable().default(null),
    version: z.number().int().min(0).max(PG_INTEGER_MAX),
  })
  .strict()
  .meta({ id: 'UpdateTurnoverRuleBody', example: { cleanTime: '11:00', estimatedHours: 3, checkInTime: '15:00', workerIds: [3], version: 0 } });

export const CalendarSyncError = z
  .object({ code: z.string(), at: z.string() })
  .meta({ id: 'CalendarSyncError', description: 'The last failed sync: CALENDAR_TIMEOUT, CALENDAR_UNREACHABLE, CALENDAR_HTTP_ERROR, CALENDAR_NOT_ICAL, CALENDAR_TOO_LARGE, CALENDAR_URL_PRIVATE.' });

export const Calendar = z
  .object({
    id: z.number().int(),
    propertyId: z.number().int(),
    label: z.string(),
    url: z.string(),
    source: CalendarSource,
    includeBlocked: z.boolean(),
    isActive: z.boolean(),
    lastAttemptAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: CalendarSyncError.nullable(),
    failingSince: z.string().nullable(),
    nextSyncAt: z.string(),
    lastEventCount: z.number().int().nullable(),
    lastSkippedCount: z.number().int().nullable().meta({ description: 'Events of the last read that could not be used (malformed).' }),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Calendar' });

export const CreateCalendarBody = z
  .object({
    label: z.string().trim().min(1).max(100),
    url: z.string().trim().min(1).max(2000),
    includeBlocked: z.boolean().default(false).meta({ description: 'Take "Not available"/blocked entries as stays too (for feeds that mark bookings that way).' }),
  })
  .strict()
  .meta({ id: 'CreateCalendarBody', example: { label: 'Airbnb', url: 'https://www.airbnb.pt/calendar/ical/123.ics?s=abc', includeBlocked: false } });

export const UpdateCalendarBody = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    includeBlocked: z.boolean().optional(),
    isActive: z.boolean().optional(),
    version: RecordVersion,
  })
  .strict()
  .meta({ id: 'UpdateCalendarBody' });

export const CalendarSyncResult = z
  .object({
    status: z.enum(['synced', 'not_modified', 'failed']),
    errorCode: z.string().nullable(),
    created: z.number().int(),
    moved: z.number().int(),
    cancelled: z.number().int(),
    skipped: z.number().int(),
    calendar: Calendar,
  })
  .meta({ id: 'CalendarSyncResult' });

export const Reservation = z
  .object({
    id: z.number().int(),
    calendarId: z.number().int(),
    calendarLabel: z.string(),
    source: CalendarSource,
    checkIn: z.string(),
    checkOut: z.string(),
    status: z.enum(['confirmed', 'cancelled']),
    job: z
      .object({ id: z.number().int(), status: z.string(), scheduledStartAt: z.string(), backToBack: z.boolean(), deadlineAt: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Reservation' });

export type TurnoverRuleDto = z.infer<typeof TurnoverRule>;
export type UpdateTurnoverRuleInput = z.infer<typeof UpdateTurnoverRuleBody>;
export type CalendarDto = z.infer<typeof Calendar>;
export type CreateCalendarInput = z.infer<typeof CreateCalendarBody>;
export type UpdateCalendarInput = z.infer<typeof UpdateCalendarBody>;
export type CalendarSyncResultDto = z.infer<typeof CalendarSyncResult>;
export type ReservationDto = z.infer<typeof Reservation>;
