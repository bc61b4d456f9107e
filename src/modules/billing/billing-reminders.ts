import type { Db } from '../../db/pool.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { ReceivableDocumentDto } from '../../contracts/receivables.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { BillingRepository } from './billing.repository.js';
import { daysBetween, stepReached } from './billing-dates.js';

/**
 * Reminders of overdue documents (issue 19 §6). What is owed and when it accrued come from the receivables
 * module (ADR 0014), never from a sum of our own: a document is a candidate when it is in the `accrued`
 * stage with a balance, and its age counts from its accrual date — or, for an on-account (monthly) client,
 * from the day their statement of that month was issued: nothing is reminded before the statement.
 *
 * The steps are the `reminderDays` setting (7/14/30 by default). Each step of a document is claimed by an
 * insert in the transaction that writes the notification and its e-mail, so a step is sent at most once
 * however many workers run the tick at the same time; clients excluded from reminders get none.
 */

export interface ReminderDeps {
  db: Db;
  repo: BillingRepository;
  clock: Clock;
  logger: Logger;
  notifications: NotificationsService;
  /** The reminders' candidates, from the one definition of what is owed (receivables). */
  receivables: { accruedOwedBefore(accruedBefore: Date): Promise<ReceivableDocumentDto[]> };
  /** The `reminderDays` setting, read fresh. */
  reminderDays(): Promise<number[]>;
}

const DAY_MS = 86_400_000;

export function createReminders({ db, repo, clock, logger, notifications, receivables, reminderDays }: ReminderDeps) {
  return {
    /** Sends the reminders due now; returns how many this call sent. Run by the job queue once a day. */
    async sendDue(): Promise<{ sent: number }> {
      const steps = [...(await reminderDays())].sort((a, b) => a - b);
      if (steps.length === 0) return { sent: 0 };
      const now = clock.now();
      const today = lisbonDate(now);
      // A day's margin: ages are counted below in Lisbon days.
      const candidates = await receivables.accruedOwedBefore(new Date(now.getTime() - (steps[0]! - 1) * DAY_MS));
      if (candidates.length === 0) return { sent: 0 };
      const clientIds = [...new Set(candidates.map((d) => d.client.id))];
      const clients = new Map((await repo.clients(db, clientIds)).map((c) => [c.id, c]));
      const monthly = clientIds.filter((id) => clients.get(id)?.billing === 'monthly');
      const statements = monthly.length ? await repo.statementsIssued(db, monthly) : new Map<string, Date>();

      let sent = 0;
      for (const doc of candidates) {
        const client = clients.get(doc.client.id);
        if (!client || client.reminders_excluded || client.anonymized) continue;
        let from = lisbonDate(new Date(doc.datedAt));
        if (client.billing === 'monthly') {
          const issued = statements.get(`${client.id}:${from.slice(0, 7)}`);
          if (!issued) continue;
          from = lisbonDate(issued);
        }
        const step = stepReached(steps, daysBetween(from, today));
        if (step === undefined) continue;
        const notice = await db.transaction(async (tx) => {
          const claimed = await repo.claimReminder(tx, { line: doc.serviceLine, documentId: doc.id, stepDays: step, clientId: client.id, balanceCents: doc.balanceCents, at: now });
          if (!claimed) return null;
          return notifications.notify(tx, {
            to: { type: 'client', id: client.id },
            type: 'account.payment_reminder',
            params: { line: doc.serviceLine, documentId: doc.id, reference: doc.reference, balanceCents: doc.balanceCents, days: step },
            link: `/client/${doc.serviceLine}/${doc.id}`,
          });
        });
        if (notice) {
          sent += 1;
          await notifications.dispatch([notice]);
        }
      }
      logger.info({ event: 'billing.reminders', candidates: candidates.length, sent }, `✅ Payment reminders: ${sent} sent`);
      return { sent };
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
