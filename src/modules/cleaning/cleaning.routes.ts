import { z } from 'zod';
import { CalendarDate } from '../../contracts/primitives.js';
import { commaSeparated } from '../../contracts/query-params.js';
import { DocumentPaymentStatus } from '../../contracts/accounts.js';
import {
  CancelCleaningJobBody,
  CleaningJob,
  CleaningJobClientView,
  CleaningJobType,
  CleaningJobWorkerView,
  CleaningStatus,
  CompleteCleaningJobBody,
  CorrectTimeLogBody,
  CreateCleaningJobBody,
  TimeTapBody,
  UpdateCleaningJobBody,
} from '../../contracts/cleaning.js';
import { IdParams, idParam, pageOfArray, pagingQuery, WholeListQuery } from '../../lib/paging.js';
import { route, type Routes } from '../../http/endpoint.js';
import { badRequest } from '../../lib/app-error.js';
import type { CleaningService } from './cleaning.service.js';

const STAFF = ['master', 'admin'] as const;
const ON_SITE = ['master', 'admin', 'worker'] as const;
const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;

const AnyJobView = z.union([CleaningJob, CleaningJobWorkerView, CleaningJobClientView]);
const isoDate = CalendarDate;

const ListQuery = pagingQuery(['scheduledAt', 'createdAt', 'updatedAt'], 'scheduledAt').extend({
  status: commaSeparated(CleaningStatus, 'status'),
  from: isoDate.optional().meta({ description: 'Jobs on or after this Lisbon date.' }),
  to: isoDate.optional().meta({ description: 'Jobs on or before this Lisbon date.' }),
  workerId: idParam.optional(),
  clientId: idParam.optional(),
  propertyId: idParam.optional(),
  seriesId: idParam.optional(),
  jobType: CleaningJobType.optional(),
  q: z.string().trim().min(1).max(100).optional().meta({ description: 'Client name, property name or address contains.' }),
  paymentStatus: commaSeparated(DocumentPaymentStatus, 'paymentStatus'),
});

const TimeLogParams = z.object({ id: idParam, logId: idParam });

const NOT_YOURS = 'NOT_FOUND — no such job, or not yours (an unassigned worker and another client get the same answer).';
const TAP_ERRORS = {
  400: 'WORKER_REQUIRED (staff must name the worker), WORKER_NOT_ASSIGNED, OCCURRED_AT_IN_FUTURE, OCCURRED_AT_TOO_OLD, END_BEFORE_START, VALIDATION_FAILED',
  403: 'FORBIDDEN — clients; a worker naming someone else.',
  404: NOT_YOURS,
};

export function cleaningRoutes(routes: Routes, { cleaning }: { cleaning: CleaningService }) {
  const tags = ['Cleaning jobs'];

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs',
      summary: 'Book a cleaning job (optionally repeating) for a client property',
      description:
        'Send an `Idempotency-Key` header: a retry with the same key returns the first job instead of a second one. ' +
        'With `recurrence`, occurrences up to the recurrenceHorizonWeeks setting are created now and later ones by background work. ' +
        '`warnings` lists overlapping estimated windows of a worker (a double booking is allowed).',
      tags,
      access: STAFF,
      body: CreateCleaningJobBody,
      response: CleaningJob,
      status: 201,
      errors: { 400: 'UNKNOWN_CLIENT, INVALID_PROPERTY, INVALID_WORKER, VALIDATION_FAILED', 409: 'CLIENT_INACTIVE, CLIENT_ANONYMISED, PROPERTY_INACTIVE' },
    },
    ({ actor, body }) => cleaning.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs',
      summary: 'List cleaning jobs (filters, sort, paging)',
      description:
        'Staff see every job; a worker only the jobs they are assigned to (no prices); a client only their own. ' +
        '`paymentStatus` (staff and clients) filters on the money state of each job, as the client account defines it.',
      tags,
      access: EVERYONE,
      query: ListQuery,
      errors: { 400: 'INVALID_FILTER (a worker filtering by payment status), VALIDATION_FAILED' },
      response: AnyJobView,
      list: true,
    },
    ({ actor, query }) => {
      const { status, from, to, workerId, clientId, propertyId, seriesId, jobType, q, paymentStatus, ...page } = query;
      if (actor!.role === 'worker' && paymentStatus) throw badRequest('INVALID_FILTER', 'Cannot filter by payment status.');
      return cleaning.list(actor!, { status, from, to, workerId, clientId, propertyId, seriesId, jobType, q, paymentStatus }, page);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/today',
      summary: "A worker's day: their jobs today (Lisbon) and any job they are still clocked in on",
      tags,
      access: ['worker'],
      query: WholeListQuery,
      response: CleaningJobWorkerView,
      list: true,
    },
    async ({ actor, query }) => pageOfArray(await cleaning.today(actor!), query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id',
      summary: 'A job with its property, workers, time logs and status history',
      description: "A worker sees the property's access instructions from accessInstructionsFrom until completion; each such view is audited.",
      tags,
      access: EVERYONE,
      params: IdParams,
      response: AnyJobView,
      errors: { 404: NOT_YOURS },
    },
    ({ actor, params }) => cleaning.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/cleaning-jobs/:id',
      summary: 'Edit or reassign an open job (this occurrence, or this and all future ones)',
      description: 'Newly assigned workers are notified, and the others when the date or time changes. `warnings` as on create.',
      tags,
      access: STAFF,
      params: IdParams,
      body: UpdateCleaningJobBody,
      response: CleaningJob,
      errors: {
        400: 'NOTHING_TO_CHANGE, NOT_RECURRING, INVALID_PROPERTY, INVALID_WORKER, VALIDATION_FAILED',
        404: 'NOT_FOUND',
        409: 'STALE_VERSION, JOB_CLOSED, WORKER_HAS_OPEN_LOG, PROPERTY_INACTIVE',
      },
    },
    ({ actor, params, body }) => cleaning.update(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/start',
      summary: 'Start time on site (the body is optional)',
      description:
        "Opens the worker's time log; the first start moves the job to in_progress and tells the client. " +
        'A repeated start (double tap) changes nothing. `occurredAt` is the tap time of a Start queued offline. ' +
        "A worker's own start more than `earliestStartHours` (setting, default 12) before the scheduled time is refused with " +
        "TOO_EARLY (details.scheduledStartAt, details.earliestStartAt); staff may start on a worker's behalf at any time.",
      tags,
      access: ON_SITE,
      params: IdParams,
      body: TimeTapBody,
      response: z.union([CleaningJob, CleaningJobWorkerView]),
      errors: { ...TAP_ERRORS, 409: 'INVALID_TRANSITION (completed or cancelled), OPEN_LOG_ON_ANOTHER_JOB, OVERLAPS_TIME_LOG, TOO_EARLY' },
    },
    ({ actor, params, body }) => cleaning.start(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/end',
      summary: 'End time on site (the body is optional)',
      description: 'Closes the worker\'s open log on this job; a repeated end changes nothing. Logs over cleaningMaxShiftHours are flagged for review.',
      tags,
      access: ON_SITE,
      params: IdParams,
      body: TimeTapBody,
      response: z.union([CleaningJob, CleaningJobWorkerView]),
      errors: { ...TAP_ERRORS, 409: 'NOT_STARTED' },
    },
    ({ actor, params, body }) => cleaning.end(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/complete',
      summary: 'Complete a job: stamps completed_at and prices it (PRODUCT §4)',
      description:
        'Refused with 409 OPEN_TIME_LOGS (details.openTimeLogs) while a worker is clocked in, unless staff give `openLogEnds`. ' +
        'Labour is the sum of every log, rounded up to the billing increment; every pricing input is snapshotted.',
      tags,
      access: ON_SITE,
      params: IdParams,
      body: CompleteCleaningJobBody,
      response: z.union([CleaningJob, CleaningJobWorkerView]),
      errors: { 400: 'UNKNOWN_TIME_LOG, INVALID_END_TIME', 403: 'FORBIDDEN — clients; workers giving end times.', 404: NOT_YOURS, 409: 'INVALID_TRANSITION, OPEN_TIME_LOGS' },
    },
    ({ actor, params, body }) => cleaning.complete(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/cancel',
      summary: 'Cancel a scheduled or in-progress job, with a reason (this one or all future occurrences)',
      tags,
      access: STAFF,
      params: IdParams,
      body: CancelCleaningJobBody,
      response: CleaningJob,
      errors: { 400: 'NOT_RECURRING, VALIDATION_FAILED', 404: 'NOT_FOUND', 409: 'INVALID_TRANSITION' },
    },
    ({ actor, params, body }) => cleaning.cancel(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/cleaning-jobs/:id/time-logs/:logId',
      summary: 'Correct a time log, with a reason (audited); a completed job is repriced with its snapshot',
      tags,
      access: STAFF,
      params: TimeLogParams,
      body: CorrectTimeLogBody,
      response: CleaningJob,
      errors: { 400: 'END_REQUIRED, END_BEFORE_START, VALIDATION_FAILED', 404: 'NOT_FOUND', 409: 'OVERLAPS_TIME_LOG' },
    },
    ({ actor, params, body }) => cleaning.correctTimeLog(actor!, params.id, params.logId, body),
  );
}
