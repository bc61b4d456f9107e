import type { Db, Queryable } from '../../db/pool.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { BillingRepository } from './billing.repository.js';
import { previousMonth } from './billing-dates.js';

/**
 * On-account billing (issue 19 §5): clients billed `monthly` are not asked to pay each document; in the
 * first days of a month (Lisbon) their statement of the month before is issued, with an in-app notice and
 * an e-mail. The statement's figures are the accounts module's (one statement computation); this module
 * only decides when, for whom, and makes it happen once.
 *
 * Once per cluster and idempotent: the tick runs on the job queue, and each (client, month) is claimed by an
 * insert in the transaction that writes the notice and its e-mail, so two instances (or a retry) issue and
 * mail it once. A client whose statement fails does not stop the others; the tick then fails so the queue
 * retries it, and the retry skips the clients already done.
 */

/** The statement of a client's month, from the accounts module: the figure the notice quotes. */
export interface StatementSource {
  closingBalanceCents(q: Queryable, clientId: number, month: string): Promise<number>;
}

export interface StatementIssuerDeps {
  db: Db;
  repo: BillingRepository;
  clock: Clock;
  logger: Logger;
  notifications: NotificationsService;
  statements: StatementSource;
}

/**
 * The tick runs daily; statements are issued from the 1st to this day of the month, so a cluster that was
 * down on the 1st still issues them, and a client switched to monthly later in the month waits for the next.
 */
export const STATEMENT_ISSUE_LAST_DAY = 7;

export function createStatementIssuer({ db, repo, clock, logger, notifications, statements }: StatementIssuerDeps) {
  return {
    /** Issues the previous month's statements not issued yet; returns how many this call issued. */
    async issueDue(): Promise<{ month: string; issued: number; failed: number }> {
      const now = clock.now();
      const today = lisbonDate(now);
      const month = previousMonth(today);
      if (Number(today.slice(8, 10)) > STATEMENT_ISSUE_LAST_DAY) return { month, issued: 0, failed: 0 };
      let issued = 0;
      const failures: Array<{ clientId: number; err: Error }> = [];
      for (const clientId of await repo.monthlyClients(db)) {
        try {
          const notice = await db.transaction(async (tx) => {
            const closing = await statements.closingBalanceCents(tx, clientId, month);
            if (!(await repo.claimStatement(tx, clientId, month, closing, now))) return null;
            return notifications.notify(tx, {
              to: { type: 'client', id: clientId },
              type: 'account.statement_issued',
              params: { month, closingBalanceCents: closing },
              // The client's account page, where the statements are.
              link: '/client/account',
            });
          });
          if (notice) {
            issued += 1;
            await notifications.dispatch([notice]);
          }
        } catch (err) {
          failures.push({ clientId, err: err as Error });
          logger.error({ err, clientId, month }, `❌ Monthly statement of client ${clientId} for ${month} failed: ${(err as Error).message}`);
        }
      }
      logger.info({ event: 'billing.statements', month, issued, failed: failures.length }, `✅ Monthly statements for ${month}: ${issued} issued`);
      if (failures.length > 0) throw new Error(`${failures.length} monthly statement(s) for ${month} failed; the retry issues the rest`);
      return { month, issued, failed: 0 };
    },
  };
}

export type StatementIssuer = ReturnType<typeof createStatementIssuer>;
