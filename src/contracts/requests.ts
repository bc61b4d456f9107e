import { z } from 'zod';
import { AttachedPhoto } from './attached-photos.js';
import { CalendarDate, RecordVersion } from './primitives.js';
import { CreateLaundryOrderBody } from './laundry.js';
import { CreateCleaningJobBody } from './cleaning.js';

/**
 * Client requests (issue 23 §1): a client asks for a laundry pickup, the delivery of a ready order or a
 * cleaning visit; staff accept it (creating the order or job from it), propose another time, or decline.
 * Pure: no Node imports.
 */

export const REQUEST_KINDS = ['pickup', 'delivery', 'cleaning'] as const;
export const RequestKind = z.enum(REQUEST_KINDS).meta({ id: 'RequestKind' });
export const REQUEST_STATES = ['pending', 'proposed', 'pending_confirmation', 'accepted', 'declined', 'cancelled'] as const;
export const RequestState = z.enum(REQUEST_STATES).meta({ id: 'RequestState' });
/** The states that wait on staff: the inbox's "new" count. */
export const REQUEST_STAFF_STATES = ['pending', 'pending_confirmation'] as const;

const id = z.number().int().positive();
const Version = RecordVersion.meta({ description: 'The version you read; a stale one gets 409 STALE_VERSION.' });
const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 h)')
  .meta({ example: '09:30' });
const notes = z.string().trim().max(2000).optional();
const when = {
  preferredDate: CalendarDate.meta({ description: 'A Lisbon date, today or later.' }),
  windowStart: wallTime,
  windowEnd: wallTime.meta({ description: 'After windowStart.' }),
};

export const CreateRequestBody = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('pickup'),
        propertyId: id.optional().meta({ description: 'One of your addresses; or give `address`.' }),
        address: z.string().trim().min(3).max(500).optional(),
        ...when,
        notes,
      })
      .strict(),
    z
      .object({
        kind: z.literal('delivery'),
        orderId: id.meta({ description: 'One of your laundry orders that is ready.' }),
        propertyId: id.optional().meta({ description: 'Where to deliver: one of your addresses; or give `address`.' }),
        address: z.string().trim().min(3).max(500).optional(),
        ...when,
        notes,
      })
      .strict(),
    z.object({ kind: z.literal('cleaning'), propertyId: id, ...when, notes }).strict(),
  ])
  .superRefine((v, ctx) => {
    if (v.kind !== 'cleaning' && v.propertyId === undefined && v.address === undefined) {
      ctx.addIssue({ code: 'custom', path: ['propertyId'], message: 'choose one of your addresses or write one' });
    }
  })
  .meta({
    id: 'CreateRequestBody',
    example: { kind: 'pickup', propertyId: 1, preferredDate: '2026-12-10', windowStart: '09:00', windowEnd: '12:00', notes: 'Dois sacos' },
  });

export const ProposeRequestBody = z
  .object({ version: Version, date: CalendarDate, windowStart: wallTime, windowEnd: wallTime, note: notes })
  .strict()
  .meta({ id: 'ProposeRequestBody' });

export const DeclineRequestBody = z
  .object({ version: Version, reason: z.string().trim().min(3, 'say why').max(2000) })
  .strict()
  .meta({ id: 'DeclineRequestBody' });

export const CancelRequestBody = z.object({ version: Version, reason: notes }).strict().meta({ id: 'CancelRequestBody' });
export const RespondProposalBody = z.object({ version: Version, note: notes }).strict().meta({ id: 'RespondProposalBody' });

/**
 * Staff accept: a pickup with the laundry order form's body, a cleaning with the job form's body (one
 * job, no repeats), a delivery with nothing more (the order is marked for delivery on the agreed date).
 */
export const AcceptRequestBody = z
  .object({
    version: Version.optional(),
    laundryOrder: CreateLaundryOrderBody.optional(),
    cleaningJob: CreateCleaningJobBody.optional(),
  })
  .strict()
  .meta({ id: 'AcceptRequestBody' });

const person = z.object({ type: z.enum(['user', 'client']), id: z.number().int(), name: z.string() });

export const RequestHistoryEntry = z
  .object({
    id: z.number().int(),
    action: z.enum(['create', 'propose', 'accept_proposal', 'decline_proposal', 'accept', 'decline', 'cancel']),
    fromState: RequestState.nullable(),
    toState: RequestState,
    by: person,
    note: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: 'RequestHistoryEntry' });

export const ClientRequest = z
  .object({
    id: z.number().int(),
    kind: RequestKind,
    state: RequestState,
    client: z.object({ id: z.number().int(), name: z.string() }),
    property: z.object({ id: z.number().int(), name: z.string(), address: z.string() }).nullable(),
    address: z.string().nullable(),
    preferredDate: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    notes: z.string().nullable(),
    proposal: z.object({ date: z.string(), windowStart: z.string(), windowEnd: z.string(), note: z.string().nullable() }).nullable(),
    declineReason: z.string().nullable(),
    cancelReason: z.string().nullable(),
    laundryOrder: z
      .object({ id: z.number().int(), orderNumber: z.string(), status: z.string() })
      .nullable()
      .meta({ description: 'The order a delivery is for, or the order made from an accepted pickup.' }),
    cleaningJobId: z.number().int().nullable().meta({ description: 'The job made from an accepted cleaning request.' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(RequestHistoryEntry).optional().meta({ description: 'Detail only, oldest first.' }),
    photos: z.array(AttachedPhoto).optional().meta({ description: 'Detail only: the photos the client attached.' }),
  })
  .meta({ id: 'ClientRequest' });

export const RequestCounts = z
  .object({ new: z.number().int().meta({ description: 'Waiting on staff: pending and pending_confirmation.' }), byState: z.record(z.string(), z.number().int()) })
  .meta({ id: 'RequestCounts' });

/** What the order or job form opens with when staff accept a request. */
export const RequestPrefill = z
  .object({
    requestId: z.number().int(),
    kind: RequestKind,
    form: z.enum(['laundry_order', 'cleaning_job', 'delivery']),
    clientId: z.number().int(),
    clientName: z.string(),
    propertyId: z.number().int().nullable(),
    address: z.string().nullable(),
    date: z.string(),
    time: z.string().meta({ description: 'Start of the agreed window, HH:MM.' }),
    windowEnd: z.string(),
    notes: z.string().nullable(),
    laundryOrderId: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RequestPrefill' });

export type CreateRequestInput = z.infer<typeof CreateRequestBody>;
export type ProposeRequestInput = z.infer<typeof ProposeRequestBody>;
export type AcceptRequestInput = z.infer<typeof AcceptRequestBody>;
export type ClientRequestDto = z.infer<typeof ClientRequest>;
export type RequestHistoryDto = z.infer<typeof RequestHistoryEntry>;
export type RequestPrefillDto = z.infer<typeof RequestPrefill>;
export type RequestKindValue = z.infer<typeof RequestKind>;
export type RequestStateValue = z.infer<typeof RequestState>;
