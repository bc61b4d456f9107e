import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { Actor } from '../../lib/request-context.js';
import type {
  CalendarDto,
  CalendarSyncResultDto,
  CreateCalendarInput,
  ReservationDto,
  TurnoverRuleDto,
  UpdateCalendarInput,
  UpdateTurnoverRuleInput,
} from '../../contracts/calendars.js';
import type { AuditService } from '../audit/audit.service.js';
import { versionConflict } from '../users/users.service.js';
import { CALENDAR_URL_CONTEXT, DEFAULT_RULE, errorCodeOf, type CalendarSync } from './calendar-sync.js';
import { checkFeedUrl, FeedError, fetchFeed, type FetchOptions } from './feed-fetcher.js';
import { parseFeed } from './ical-feed.js';
import type { CalendarRow, CalendarsRepository, PropertyOwnerRow, ReservationRow, TurnoverRuleRow } from './calendars.repository.js';

export interface CalendarsDeps {
  db: Db;
  repo: CalendarsRepository;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  sync: CalendarSync;
  fetchOptions: FetchOptions;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const STAFF = new Set(['master', 'admin']);

/** Where a feed comes from: its PRODID names the platform, else the host of its address. */
export function sourceOf(prodId: string, host: string): CalendarRow['source'] {
  const text = `${prodId} ${host}`.toLowerCase();
  if (text.includes('airbnb')) return 'airbnb';
  if (text.includes('booking.com')) return 'booking';
  if (text.includes('vrbo') || text.includes('homeaway')) return 'vrbo';
  return 'other';
}

/** 400 for an address refused before any request; 422 for one that was fetched and did not give a calendar. */
function saveError(err: unknown): AppError {
  const code = errorCodeOf(err);
  const message = err instanceof Error ? err.message : 'The calendar could not be read.';
  const details = [{ path: 'body.url', code, message }];
  if (code === 'CALENDAR_URL_INVALID' || code === 'CALENDAR_URL_PRIVATE') return badRequest(code, message, details);
  return new AppError(422, code, message, details);
}

/**
 * A property's calendars, reservations and turnover rule. Staff see every property's; the owning client
 * adds and reads their own; nobody else learns that a property exists (404).
 */
export function createCalendarsService({ db, repo, clock, cipher, audit, sync, fetchOptions }: CalendarsDeps) {
  function toCalendar(row: CalendarRow): CalendarDto {
    return {
      id: row.id,
      propertyId: row.property_id,
      label: row.label,
      url: cipher.decrypt(row.url_enc, CALENDAR_URL_CONTEXT),
      source: row.source,
      includeBlocked: row.include_blocked,
      isActive: row.is_active,
      lastAttemptAt: iso(row.last_attempt_at),
      lastSuccessAt: iso(row.last_success_at),
      lastError: row.last_error_code && row.last_error_at ? { code: row.last_error_code, at: row.last_error_at.toISOString() } : null,
      failingSince: iso(row.failing_since),
      nextSyncAt: row.next_sync_at.toISOString(),
      lastEventCount: row.last_event_count,
      lastSkippedCount: row.last_skipped_count,
      createdAt: row.created_at.toISOString(),
      version: row.version,
    };
  }

  function toReservation(r: ReservationRow): ReservationDto {
    return {
      id: r.id,
      calendarId: r.calendar_id,
      calendarLabel: r.calendar_label,
      source: r.source,
      checkIn: r.check_in,
      checkOut: r.check_out,
      status: r.status,
      job:
        r.job_id !== null && r.job_status !== null
          ? { id: r.job_id, status: r.job_status, scheduledStartAt: r.job_start_at!.toISOString(), backToBack: Boolean(r.job_back_to_back), deadlineAt: iso(r.job_deadline_at) }
          : null,
    };
  }

  function toRule(propertyId: number, r: Omit<TurnoverRuleRow, 'property_id'>): TurnoverRuleDto {
    return { propertyId, cleanTime: r.clean_time, estimatedHours: r.estimated_minutes / 60, checkInTime: r.check_in_time, workerIds: r.worker_ids.map(Number), checklistTemplateId: r.checklist_template_id, version: r.version };
  }

  /** The property, when this caller may work with its calendars (staff: any; a client: their own). */
  async function propertyFor(q: Queryable, actor: Actor, propertyId: number): Promise<PropertyOwnerRow> {
    const property = await repo.property(q, propertyId);
    if (!property) throw notFound('No such property.');
    if (STAFF.has(actor.role) || (actor.role === 'client' && property.client_id === actor.id)) return property;
    throw notFound('No such property.');
  }

  async function calendarFor(q: Queryable, actor: Actor, propertyId: number, calendarId: number, forUpdate = false): Promise<CalendarRow> {
    await propertyFor(q, actor, propertyId);
    const row = await repo.calendar(q, calendarId, forUpdate);
    if (!row || row.property_id !== propertyId) throw notFound('No such calendar.');
    return row;
  }

  const auditValues = (row: CalendarRow) => ({ propertyId: row.property_id, label: row.label, source: row.source, includeBlocked: row.include_blocked, isActive: row.is_active, host: row.url_host });
  const AUDIT_FIELDS = ['propertyId', 'label', 'source', 'includeBlocked', 'isActive', 'host'];

  return {
    async list(actor: Actor, propertyId: number): Promise<CalendarDto[]> {
      await propertyFor(db, actor, propertyId);
      return (await repo.calendars(db, propertyId)).map(toCalendar);
    },

    /** Saves a feed only after reading it once: the address must answer with a calendar now. */
    async create(actor: Actor, propertyId: number, input: CreateCalendarInput): Promise<CalendarDto> {
      await propertyFor(db, actor, propertyId);
      let url: URL;
      let prodId = '';
      try {
        url = checkFeedUrl(input.url);
        const read = await fetchFeed(url.toString(), { etag: null, lastModified: null }, fetchOptions);
        if (read.kind !== 'body') throw new FeedError('CALENDAR_HTTP_ERROR', 'The calendar answered 304 to a first request.');
        parseFeed(read.text, { includeBlocked: input.includeBlocked });
        prodId = /^PRODID[^:\r\n]*:(.*)$/im.exec(read.text)?.[1] ?? '';
      } catch (err) {
        throw saveError(err);
      }
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        await propertyFor(tx, actor, propertyId);
        const created = await repo.insertCalendar(tx, {
          propertyId,
          label: input.label,
          urlEnc: cipher.encrypt(url.toString(), CALENDAR_URL_CONTEXT),
          urlHost: url.hostname,
          source: sourceOf(prodId, url.hostname),
          includeBlocked: input.includeBlocked,
          createdBy: actor.type === 'user' ? actor.id : null,
          at,
          // Due at once: the first sync creates the turnovers of what the feed already holds.
          nextSyncAt: at,
        });
        await audit.record(tx, { action: 'create', entity: 'property_calendar', entityId: created.id, before: null, after: auditValues(created), valueFields: AUDIT_FIELDS });
        return created;
      });
      return toCalendar(row);
    },

    async update(actor: Actor, propertyId: number, calendarId: number, input: UpdateCalendarInput): Promise<CalendarDto> {
      const { version, ...changes } = input;
      if (Object.values(changes).every((v) => v === undefined)) throw badRequest('NOTHING_TO_CHANGE', 'The request changes nothing.');
      const row = await db.transaction(async (tx) => {
        const before = await calendarFor(tx, actor, propertyId, calendarId, true);
        if (before.version !== version) throw versionConflict(before.version);
        const after = (await repo.updateCalendar(tx, calendarId, version, changes, clock.now()))!;
        await audit.record(tx, { action: 'update', entity: 'property_calendar', entityId: calendarId, before: auditValues(before), after: auditValues(after), valueFields: AUDIT_FIELDS });
        return after;
      });
      return toCalendar(row);
    },

    /** Removes a feed and its reservations; the turnover jobs already made stay as they are. */
    async delete(actor: Actor, propertyId: number, calendarId: number): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await calendarFor(tx, actor, propertyId, calendarId, true);
        await repo.deleteCalendar(tx, calendarId);
        await audit.record(tx, { action: 'delete', entity: 'property_calendar', entityId: calendarId, before: auditValues(before), after: null, valueFields: AUDIT_FIELDS });
      });
    },

    /** "Sync now": reads the feed at once, whatever its schedule. */
    async syncNow(actor: Actor, propertyId: number, calendarId: number): Promise<CalendarSyncResultDto> {
      const before = await calendarFor(db, actor, propertyId, calendarId);
      if (!before.is_active) throw conflict('CALENDAR_INACTIVE', 'This calendar is paused; resume it before syncing.');
      const run = await sync.syncOne(calendarId);
      const after = (await repo.calendar(db, calendarId))!;
      return { ...run, calendar: toCalendar(after) };
    },

    async reservations(actor: Actor, propertyId: number, from: string | undefined): Promise<ReservationDto[]> {
      await propertyFor(db, actor, propertyId);
      return (await repo.reservationsOfProperty(db, propertyId, from ?? null)).map(toReservation);
    },

    async rule(actor: Actor, propertyId: number): Promise<TurnoverRuleDto> {
      await propertyFor(db, actor, propertyId);
      return toRule(propertyId, (await repo.rule(db, propertyId)) ?? DEFAULT_RULE);
    },

    async saveRule(actor: Actor, propertyId: number, input: UpdateTurnoverRuleInput): Promise<TurnoverRuleDto> {
      return db.transaction(async (tx) => {
        await propertyFor(tx, actor, propertyId);
        const active = await repo.activeWorkerIds(tx, input.workerIds);
        const missing = input.workerIds.filter((id) => !active.includes(id));
        if (missing.length > 0) {
          throw badRequest('INVALID_WORKER', 'Every default worker must be an active worker.', [{ path: 'body.workerIds', code: 'INVALID_WORKER', message: `not active workers: ${missing.join(', ')}` }]);
        }
        const before = await repo.rule(tx, propertyId);
        // A switched-off template is not offered any more; a property already using it may keep it.
        const keptTemplate = input.checklistTemplateId !== null && Number(before?.checklist_template_id) === input.checklistTemplateId;
        if (input.checklistTemplateId !== null && !keptTemplate && !(await repo.templateExists(tx, input.checklistTemplateId))) {
          throw badRequest('UNKNOWN_CHECKLIST_TEMPLATE', 'No such checklist template, or it is switched off.', [
            { path: 'body.checklistTemplateId', code: 'UNKNOWN_CHECKLIST_TEMPLATE', message: 'unknown or switched-off template' },
          ]);
        }
        if ((before?.version ?? 0) !== input.version) throw versionConflict(before?.version ?? 0);
        const fields = { cleanTime: input.cleanTime, estimatedMinutes: Math.round(input.estimatedHours * 60), checkInTime: input.checkInTime, workerIds: input.workerIds, checklistTemplateId: input.checklistTemplateId };
        if (!(await repo.saveRule(tx, propertyId, fields, input.version, clock.now()))) throw versionConflict(before?.version ?? 0);
        const after = (await repo.rule(tx, propertyId))!;
        await audit.record(tx, {
          action: 'update',
          entity: 'turnover_rule',
          entityId: propertyId,
          before: before ? toRule(propertyId, before) : null,
          after: toRule(propertyId, after),
          valueFields: ['cleanTime', 'estimatedHours', 'checkInTime', 'workerIds', 'checklistTemplateId'],
        });
        return toRule(propertyId, after);
      });
    },
  };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;
