import { MAIL_DELIVER_JOB, MAIL_MAX_ATTEMPTS, type NotificationsService } from '../modules/notifications/notifications.service.js';
import type { PasswordResetService } from '../modules/users/password-reset.service.js';
import type { CleaningService } from '../modules/cleaning/cleaning.service.js';
import type { CalendarSync } from '../modules/calendars/calendar-sync.js';
import type { JobDefinition, QueueSettings } from './job-queue.js';
import type { Maintenance } from './maintenance.js';

/** The application's queues and their settings; the migrator creates them (installJobQueueSchema). */
export const APPLICATION_QUEUES = [
  { name: MAIL_DELIVER_JOB, retryLimit: MAIL_MAX_ATTEMPTS - 1, retryDelaySeconds: 30 },
  // The outbox's safety net: mail committed but never queued (a crash between commit and send).
  { name: 'mail-sweep', cron: '* * * * *', retryLimit: 0 },
  // Once per cluster, so N instances do not all prune on their own timers.
  { name: 'maintenance-prune', cron: '7 * * * *' },
  { name: 'password-reset-prune', cron: '17 3 * * *' },
  // Recurring cleaning jobs: occurrences created up to the horizon. Idempotent (one job per
  // occurrence), so a retried or repeated tick creates nothing twice.
  { name: 'cleaning-recurrence', cron: '20 2 * * *', retryLimit: 2 },
  // Short-let calendar feeds: the tick runs once per cluster every minute and reads each feed whose
  // own next sync is due (the calendarSyncMinutes setting, longer after failures). A feed's failure
  // is recorded on the feed and never fails the tick.
  { name: 'calendar-sync', cron: '* * * * *', retryLimit: 0 },
] as const satisfies readonly QueueSettings[];

/** The application's background jobs: each queue with its handler. */
export function applicationJobs({
  notifications,
  passwordReset,
  cleaning,
  calendarSync,
  maintenance,
}: {
  notifications: NotificationsService;
  passwordReset: PasswordResetService;
  cleaning: CleaningService;
  calendarSync: CalendarSync;
  maintenance: Maintenance;
}): JobDefinition[] {
  const handlers: Record<(typeof APPLICATION_QUEUES)[number]['name'], JobDefinition['handler']> = {
    [MAIL_DELIVER_JOB]: async (data) => {
      await notifications.deliver(Number(data.outboxId));
    },
    'mail-sweep': () => notifications.sweep(),
    'maintenance-prune': () => maintenance.prune(),
    'password-reset-prune': () => passwordReset.prune(),
    'cleaning-recurrence': () => cleaning.generateOccurrences(),
    'calendar-sync': () => calendarSync.syncDue(),
  };
  return APPLICATION_QUEUES.map((q) => ({ ...q, handler: handlers[q.name] }));
}
