import type { Db, Queryable } from '../../db/pool.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { SettingValues } from '../../contracts/settings.js';
import type { NotificationsService, NotifyResult } from '../notifications/notifications.service.js';
import type { CleaningService } from '../cleaning/cleaning.service.js';
import { lisbonInstant } from '../cleaning/cleaning-schedule.js';
import { FeedError, fetchFeed, type FetchOptions } from './feed-fetcher.js';
import { NotICalError, parseFeed, type FeedStay } from './ical-feed.js';
import type { CalendarRow, CalendarsRepository, ReservationRow, TurnoverRuleRow } from './calendars.repository.js';

export const CANCELLED_REASON = 'reserva cancelada';
export const CALENDAR_URL_CONTEXT = 'property_calendars.url';
/** A feed failing this long alerts staff (once per run of failures). */
const ALERT_AFTER_MS = 24 * 3_600_000;
/** Backoff after failures: the sync interval doubled per failure, at most this. */
const MAX_BACKOFF_MS = 4 * 3_600_000;
/** A claimed calendar is skipped by other ticks for this long, even if its sync dies half-way. */
const CLAIM_LEASE_MS = 10 * 60_000;
const CLAIM_BATCH = 25;

export const DEFAULT_RULE: Omit<TurnoverRuleRow, 'property_id'> = { clean_time: '11:00', estimated_minutes: 180, check_in_time: '15:00', worker_ids: [], checklist_template_id: null, version: 0 };

export interface SyncCounts {
  created: number;
  moved: number;
  cancelled: number;
  skipped: number;
}

export type SyncRun = SyncCounts & { status: 'synced' | 'not_modified' | 'failed'; errorCode: string | null };

export interface CalendarSyncDeps {
  db: Db;
  repo: CalendarsRepository;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
  notifications: NotificationsService;
  settings: { all(q?: Queryable): Promise<SettingValues> };
  turnovers: CleaningService['turnovers'];
  fetchOptions: FetchOptions;
}

/** The error code a failed read is shown with. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof FeedError) return err.code;
  if (err instanceof NotICalError) return 'CALENDAR_NOT_ICAL';
  return 'CALENDAR_SYNC_FAILED';
}

/**
 * Keeps a property's turnover jobs in step with its calendar feeds: reservations by UID, a job per
 * new stay on its check-out day, moved when the stay moves (if not started), cancelled when it goes
 * (if not started; staff are alerted otherwise), and same-day check-ins flagged back-to-back.
 */
export function createCalendarSync(deps: CalendarSyncDeps) {
  const { db, repo, clock, logger, cipher, notifications, settings, turnovers, fetchOptions } = deps;

  async function notifyStaff<T extends 'turnover.moved' | 'turnover.cancelled' | 'turnover.started_changed' | 'calendar.failing'>(
    tx: Queryable,
    type: T,
    params: Parameters<NotificationsService['notify']>[1]['params'] & Record<string, unknown>,
    link: string,
  ): Promise<NotifyResult[]> {
    const sent: NotifyResult[] = [];
    for (const id of await repo.staffIds(tx)) sent.push(await notifications.notify(tx, { to: { type: 'user', id }, type, params: params as never, link }));
    return sent;
  }

  /** Applies one read of a feed to the stored reservations and their jobs, in one transaction. */
  async function apply(tx: Queryable, calendar: CalendarRow, stays: FeedStay[], counts: SyncCounts): Promise<NotifyResult[]> {
    const at = clock.now();
    const today = lisbonDate(at);
    const property = (await repo.property(tx, calendar.property_id))!;
    const rule = (await repo.rule(tx, calendar.property_id)) ?? { property_id: calendar.property_id, ...DEFAULT_RULE };
    const place = `${property.name}, ${property.city}`;
    const notices: NotifyResult[] = [];
    const known = new Map((await repo.reservationsOfCalendar(tx, calendar.id)).map((r) => [r.uid, r]));
    const live = new Set<string>();

    const newJob = async (reservationId: number, checkOut: string) => {
      if (checkOut < today || !property.is_active) return;
      const made = await turnovers.create(tx, {
        clientId: property.client_id,
        propertyId: property.id,
        date: checkOut,
        time: rule.clean_time,
        estimatedMinutes: rule.estimated_minutes,
        workerIds: rule.worker_ids.map(Number),
        note: `${calendar.label}: check-out ${checkOut}`,
      });
      await repo.linkJob(tx, reservationId, made.jobId);
      notices.push(...made.notices);
      counts.created += 1;
    };

    for (const stay of stays) {
      if (stay.cancelled) continue;
      live.add(stay.uid);
      const existing = known.get(stay.uid);
      if (!existing) {
        const id = await repo.insertReservation(tx, { calendarId: calendar.id, propertyId: property.id, source: calendar.source, ...stay, at });
        await newJob(id, stay.checkOut);
        continue;
      }
      const wasCancelled = existing.status === 'cancelled';
      const datesChanged = existing.check_in !== stay.checkIn || existing.check_out !== stay.checkOut;
      await repo.updateReservation(tx, existing.id, { ...stay, status: 'confirmed', at });
      const job = existing.job_id !== null ? await turnovers.find(tx, existing.job_id) : undefined;
      if (!job || job.status === 'cancelled') {
        if (wasCancelled || datesChanged || !job) await newJob(existing.id, stay.checkOut);
        continue;
      }
      if (job.scheduled_date === stay.checkOut) continue;
      if (job.status === 'scheduled') {
        notices.push(...(await turnovers.move(tx, job, stay.checkOut)));
        notices.push(...(await notifyStaff(tx, 'turnover.moved', { jobId: job.id, place, date: stay.checkOut, previousDate: job.scheduled_date }, `/app/cleaning/${job.id}`)));
        counts.moved += 1;
      } else if (job.status === 'in_progress') {
        // A reservation change never moves a started job: staff decide.
        notices.push(...(await notifyStaff(tx, 'turnover.started_changed', { jobId: job.id, place, change: 'moved' }, `/app/cleaning/${job.id}`)));
      }
    }

    for (const r of known.values()) {
      if (live.has(r.uid) || r.status === 'cancelled') continue;
      const cancelledInFeed = stays.some((s) => s.uid === r.uid && s.cancelled);
      // Platforms drop stays from the feed once they are over: a past stay that vanished is history, not a cancellation.
      if (!cancelledInFeed && r.check_out < today) continue;
      await repo.updateReservation(tx, r.id, { checkIn: r.check_in, checkOut: r.check_out, checkInAt: r.check_in_at, status: 'cancelled', at });
      notices.push(...(await cancelJobOf(tx, r, place)));
      counts.cancelled += 1;
    }

    await flagBackToBack(tx, property.id, rule);
    return notices;
  }

  async function cancelJobOf(tx: Queryable, r: ReservationRow, place: string): Promise<NotifyResult[]> {
    if (r.job_id === null) return [];
    const job = await turnovers.find(tx, r.job_id);
    if (!job) return [];
    const link = `/app/cleaning/${job.id}`;
    if (job.status === 'scheduled') {
      await turnovers.cancel(tx, job, CANCELLED_REASON);
      const sent = await notifyStaff(tx, 'turnover.cancelled', { jobId: job.id, place, date: job.scheduled_date }, link);
      for (const w of job.workers) sent.push(await notifications.notify(tx, { to: { type: 'user', id: w.id }, type: 'turnover.cancelled', params: { jobId: job.id, place, date: job.scheduled_date }, link }));
      return sent;
    }
    if (job.status === 'in_progress') return notifyStaff(tx, 'turnover.started_changed', { jobId: job.id, place, change: 'cancelled' }, link);
    return [];
  }

  /** A turnover is back-to-back when another confirmed stay (from any of the property's feeds) arrives on its check-out day. */
  async function flagBackToBack(tx: Queryable, propertyId: number, rule: Pick<TurnoverRuleRow, 'check_in_time'>): Promise<void> {
    const all = (await repo.reservationsOfProperty(tx, propertyId, lisbonDate(clock.now()))).filter((r) => r.status === 'confirmed');
    for (const r of all) {
      if (r.job_id === null || (r.job_status !== 'scheduled' && r.job_status !== 'in_progress')) continue;
      const next = all.find((o) => o.id !== r.id && o.check_in === r.check_out);
      const deadline = next ? (next.check_in_at ?? lisbonInstant(next.check_in, rule.check_in_time)) : null;
      await turnovers.setBackToBack(tx, r.job_id, deadline);
    }
  }

  async function nextSync(failures: number): Promise<Date> {
    const minutes = (await settings.all()).calendarSyncMinutes;
    const base = minutes * 60_000;
    const wait = failures === 0 ? base : Math.min(base * 2 ** (failures - 1), MAX_BACKOFF_MS);
    return new Date(clock.now().getTime() + wait);
  }

  async function recordFailure(calendar: CalendarRow, err: unknown): Promise<string> {
    const code = errorCodeOf(err);
    if (code === 'CALENDAR_SYNC_FAILED') logger.error({ err, calendarId: calendar.id }, `❌ Calendar ${calendar.id} sync failed: ${(err as Error).message}`);
    else logger.warn({ calendarId: calendar.id, code }, `⚠️ Calendar ${calendar.id} could not be read: ${code}`);
    const at = clock.now();
    const next = await nextSync(calendar.consecutive_failures + 1);
    const notices = await db.transaction(async (tx) => {
      const updated = await repo.recordFailure(tx, calendar.id, code, at, next);
      if (updated.failure_alerted_at || !updated.failing_since || at.getTime() - updated.failing_since.getTime() < ALERT_AFTER_MS) return [];
      await repo.markAlerted(tx, calendar.id, at);
      const property = (await repo.property(tx, calendar.property_id))!;
      return notifyStaff(
        tx,
        'calendar.failing',
        { calendarId: calendar.id, propertyId: property.id, label: calendar.label, place: `${property.name}, ${property.city}`, code },
        `/app/properties/${property.id}`,
      );
    });
    await notifications.dispatch(notices);
    return code;
  }

  return {
    /** Reads one feed now and applies it. Never throws for a feed's fault: the failure is recorded and returned. */
    async syncOne(calendarId: number): Promise<SyncRun> {
      const counts: SyncCounts = { created: 0, moved: 0, cancelled: 0, skipped: 0 };
      const calendar = await repo.calendar(db, calendarId);
      if (!calendar) return { ...counts, status: 'failed', errorCode: 'NOT_FOUND' };
      try {
        const url = cipher.decrypt(calendar.url_enc, CALENDAR_URL_CONTEXT);
        const read = await fetchFeed(url, { etag: calendar.etag, lastModified: calendar.last_modified }, fetchOptions);
        const next = await nextSync(0);
        if (read.kind === 'not-modified') {
          await db.transaction((tx) => repo.recordSuccess(tx, calendar.id, { at: clock.now(), nextSyncAt: next }));
          return { ...counts, status: 'not_modified', errorCode: null };
        }
        const parsed = parseFeed(read.text, { includeBlocked: calendar.include_blocked });
        counts.skipped = parsed.skipped;
        const notices = await db.transaction(async (tx) => {
          const locked = await repo.calendar(tx, calendar.id, true);
          if (!locked) return [];
          const sent = await apply(tx, locked, parsed.stays, counts);
          await repo.recordSuccess(tx, calendar.id, {
            at: clock.now(),
            nextSyncAt: next,
            etag: read.etag,
            lastModified: read.lastModified,
            eventCount: parsed.stays.length,
            skippedCount: parsed.skipped,
          });
          return sent;
        });
        await notifications.dispatch(notices);
        if (counts.created + counts.moved + counts.cancelled + counts.skipped > 0) {
          logger.info({ event: 'calendar.sync', calendarId, ...counts }, `✅ Calendar ${calendarId} synced`);
        }
        return { ...counts, status: 'synced', errorCode: null };
      } catch (err) {
        const code = await recordFailure(calendar, err).catch((e: unknown) => {
          logger.error({ err: e, calendarId }, `❌ Calendar ${calendarId}: the failure could not be recorded`);
          return errorCodeOf(err);
        });
        return { ...counts, status: 'failed', errorCode: code };
      }
    },

    /** The periodic tick (once per cluster): every active calendar whose next sync is due. */
    async syncDue(): Promise<number> {
      const now = clock.now();
      let synced = 0;
      for (;;) {
        const ids = await db.transaction((tx) => repo.claimDue(tx, now, new Date(now.getTime() + CLAIM_LEASE_MS), CLAIM_BATCH));
        if (ids.length === 0) return synced;
        for (const id of ids) {
          await this.syncOne(id);
          synced += 1;
        }
      }
    },
  };
}

export type CalendarSync = ReturnType<typeof createCalendarSync>;
