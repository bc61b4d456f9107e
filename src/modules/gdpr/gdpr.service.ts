import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { conflict, notFound } from '../../lib/app-error.js';
import type { AuditService } from '../audit/audit.service.js';

/**
 * One module's share of a client's personal data. Each module that stores something about a client
 * contributes a section to the export and, when needed, its part of the anonymisation — a later issue
 * adds its contributor to the list in app.ts.
 */
export interface GdprContributor {
  /** Key of this module's section in the export. */
  section: string;
  export(q: Queryable, clientId: number): Promise<unknown>;
  /**
   * Replaces or removes this module's personal data inside the anonymisation transaction. Financial
   * records are kept (they are required by law); only the personal fields in them are replaced. May
   * return a step to run after commit (files outside the database).
   */
  anonymise?(tx: Queryable, clientId: number): Promise<void | (() => Promise<void>)>;
}

export interface ClientExport {
  exportedAt: string;
  clientId: number;
  sections: Record<string, unknown>;
}

export function createGdprService({ db, clock, logger, audit, contributors }: { db: Db; clock: Clock; logger: Logger; audit: AuditService; contributors: GdprContributor[] }) {
  async function assertClient(q: Queryable, clientId: number, forUpdate = false): Promise<{ anonymized_at: Date | null }> {
    const { rows } = await q.query<{ anonymized_at: Date | null }>(`SELECT anonymized_at FROM clients WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [clientId]);
    if (!rows[0]) throw notFound('No such client.');
    return rows[0];
  }

  return {
    /** Everything held about a client, read in one transaction so the sections agree with each other. */
    async exportClient(clientId: number): Promise<ClientExport> {
      return db.transaction(async (tx) => {
        await assertClient(tx, clientId);
        const sections: Record<string, unknown> = {};
        for (const c of contributors) sections[c.section] = await c.export(tx, clientId);
        // Reading someone's whole file is itself worth a line in the log.
        await audit.record(tx, { action: 'export', entity: 'client', entityId: clientId });
        logger.info({ event: 'gdpr.export', clientId }, '✅ Client data exported');
        return { exportedAt: clock.now().toISOString(), clientId, sections };
      });
    },

    /** Replaces the client's personal data everywhere, disables the login and ends their sessions. */
    async anonymise(clientId: number): Promise<void> {
      const afterCommit = await db.transaction(async (tx) => {
        const client = await assertClient(tx, clientId, true);
        if (client.anonymized_at) throw conflict('CLIENT_ANONYMISED', 'This client was already anonymised.');
        const steps: Array<() => Promise<void>> = [];
        for (const c of contributors) {
          const step = await c.anonymise?.(tx, clientId);
          if (step) steps.push(step);
        }
        return steps;
      });
      for (const step of afterCommit) {
        await step().catch((err: unknown) => logger.error({ err, clientId }, '❌ A post-anonymisation clean-up step failed'));
      }
      logger.info({ event: 'gdpr.anonymise', clientId }, '✅ Client anonymised');
    },
  };
}

export type GdprService = ReturnType<typeof createGdprService>;
