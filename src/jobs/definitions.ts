import { MAIL_DELIVER_JOB, MAIL_MAX_ATTEMPTS, type NotificationsService } from '../modules/notifications/notifications.service.js';
import type { PasswordResetService } from '../modules/users/password-reset.service.js';
import type { CleaningService } from '../modules/cleaning/cleaning.service.js';
import type { JobDefinition } from './job-queue.js';
import type { Maintenance } from './maintenance.js';

/** The application's background jobs. */
export function applicationJobs({
  notifications,
  passwordReset,
  cleaning,
  maintenance,
}: {
  notifications: NotificationsService;
  passwordReset: PasswordResetService;
  cleaning: CleaningService;
  maintenance: Maintenance;
}): JobDefinition[] {
  return [
    {
      name: MAIL_DELIVER_JOB,
      handler: async (data) => {
        await notifications.deliver(Number(data.outboxId));
      },
      retryLimit: MAIL_MAX_ATTEMPTS - 1,
      retryDelaySeconds: 30,
    },
    {
      // The outbox's safety net: mail committed but never queued (a crash between commit and send).
      name: 'mail-sweep',
      cron: '* * * * *',
      handler: () => notifications.sweep(),
      retryLimit: 0,
    },
    {
      // Once per cluster, so N instances do not all prune on their own timers.
      name: 'maintenance-prune',
      cron: '7 * * * *',
      handler: () => maintenance.prune(),
    },
    {
      name: 'password-reset-prune',
      cron: '17 3 * * *',
      handler: () => passwordReset.prune(),
    },
    {
      // Recurring cleaning jobs: occurrences created up to the horizon. Idempotent (one job per
      // occurrence), so a retried or repeated tick creates nothing twice.
      name: 'cleaning-recurrence',
      cron: '20 2 * * *',
      handler: () => cleaning.generateOccurrences(),
      retryLimit: 2,
    },
  ];
}
