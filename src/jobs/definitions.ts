import { MAIL_DELIVER_JOB, MAIL_MAX_ATTEMPTS, type NotificationsService } from '../modules/notifications/notifications.service.js';
import { PUSH_DELIVER_JOB, PUSH_MAX_ATTEMPTS, type PushService } from '../modules/push/push.service.js';
import type { PasswordResetService } from '../modules/users/password-reset.service.js';
import type { CleaningService } from '../modules/cleaning/cleaning.service.js';
import type { CalendarSync } from '../modules/calendars/calendar-sync.js';
import type { JobDefinition, QueueSettings } from './job-queue.js';
import type { Maintenance } from './maintenance.js';
import type { Reminders } from '../modules/billing/billing-reminders.js';
import type { StatementIssuer } from '../modules/billing/billing-statements.js';

/** The application's queues and their settings; the migrator creates them (installJobQueueSchema). */
export const APPLICATION_QUEUES = [
  { name: MAIL_DELIVER_JOB, retryLimit: MAIL_MAX_ATTEMPTS - 1, retryDelaySeconds: 30 },
  // The outbox's safety net: mail committed but never queued (a crash between commit and send).
  { name: 'mail-sweep', cron: '* * * * *', retryLimit: 0 },
  // Web push (issue 23 §4): one job per recorded push; network failures, 429 and 5xx are retried.
  { name: PUSH_DELIVER_JOB, retryLimit: PUSH_MAX_ATTEMPTS - 1, retryDelaySeconds: 30 },
  { name: 'push-sweep', cron: '* * * * *', retryLimit: 0 },
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
  // Issue 19 §6: reminders of overdue documents, daily at 09:00 Lisbon. Each step of a document is claimed
  // once in the database, so a retry or a second tick sends nothing twice.
  { name: 'payment-reminders', cron: '0 9 * * *', retryLimit: 2, retryDelaySeconds: 300 },
  // Issue 19 §5: monthly statements of on-account clients, issued from the 1st (Lisbon), once per client and
  // month (claimed in the database); a failed client fails the tick, whose retries issue the rest.
  { name: 'monthly-statements', cron: '10 7 * * *', retryLimit: 5, retryDelaySeconds: 300 },
] as const satisfies readonly QueueSettings[];

/** The application's background jobs: each queue with its handler. */
export function applicationJobs({
  notifications,
  push,
  passwordReset,
  cleaning,
  calendarSync,
  maintenance,
  reminders,
  statementIssuer,
}: {
  notifications: NotificationsService;
  push: PushService;
  passwordReset: PasswordResetService;
  cleaning: CleaningService;
  calendarSync: CalendarSync;
  maintenance: Maintenance;
  reminders: Reminders;
  statementIssuer: StatementIssuer;
}): JobDefinition[] {
  const handlers: Record<(typeof APPLICATION_QUEUES)[number]['name'], JobDefinition['handler']> = {
    [MAIL_DELIVER_JOB]: async (data) => {
      await notifications.deliver(Number(data.outboxId));
    },
    'mail-sweep': () => notifications.sweep(),
    [PUSH_DELIVER_JOB]: async (data) => {
      await push.deliver(Number(data.pushId));
    },
    'push-sweep': () => push.sweep(),
    'maintenance-prune': () => maintenance.prune(),
    'password-reset-prune': () => passwordReset.prune(),
    'cleaning-recurrence': () => cleaning.generateOccurrences(),
    'calendar-sync': () => calendarSync.syncDue(),
    'payment-reminders': () => reminders.sendDue(),
    'monthly-statements': () => statementIssuer.issueDue(),
  };
  return APPLICATION_QUEUES.map((q) => ({ ...q, handler: handlers[q.name] }));
}
