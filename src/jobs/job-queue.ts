import PgBoss from 'pg-boss';
import type { DbConnectionConfig } from '../config/config.js';
import type { Logger } from '../lib/logger.js';

/** A queue's settings: fixed when the queue is created (by the migrator), so they live apart from the handler. */
export interface QueueSettings {
  name: string;
  /** Cron expression (Europe/Lisbon) for periodic jobs; pg-boss fires each tick once per cluster. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface JobDefinition extends QueueSettings {
  handler(data: Record<string, unknown>): Promise<unknown>;
}

function queueOptions(q: QueueSettings) {
  return { name: q.name, retryLimit: q.retryLimit ?? 3, retryDelay: q.retryDelaySeconds ?? 30, retryBackoff: true };
}

/**
 * Creates (or upgrades) pg-boss's schema and the application's queues as the schema owner, at migration
 * time. Creating a queue is DDL (a partition table per queue); once it exists, pg-boss's create_queue
 * from the application role is a no-op insert, so the running server needs no DDL privilege.
 */
export async function installJobQueueSchema(connection: DbConnectionConfig, logger: Logger, queues: readonly QueueSettings[]): Promise<void> {
  const boss = new PgBoss({ ...connection, max: 1, application_name: 'lavandaria-migrate', schedule: false, supervise: false });
  boss.on('error', (err) => logger.error({ err }, `❌ Job queue schema: ${err.message}`));
  await boss.start();
  try {
    for (const q of queues) await boss.createQueue(q.name, queueOptions(q));
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export interface JobQueue {
  start(): Promise<void>;
  /** Starts working these jobs in this instance (after start). */
  register(definitions: JobDefinition[]): Promise<void>;
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<void>;
  /**
   * Starts the queue and its workers without holding up the boot: readiness never waits for pg-boss's
   * own schema work, and mail committed meanwhile waits in the outbox for the sweep. A failed start is
   * logged and retried.
   */
  startInBackground(definitions: JobDefinition[], retryMs?: number): void;
  /** Jobs waiting or running across the registered queues (the metrics gauge). */
  depth(): Promise<number>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  connection: DbConnectionConfig;
  ssl: boolean;
  logger: Logger;
  /** false: this instance only enqueues; other instances do the work. */
  work: boolean;
}

/**
 * Background work on pg-boss over the application's PostgreSQL. Jobs are fetched with SKIP LOCKED and
 * cron ticks are de-duplicated in the database, so however many instances run, each job (and each
 * scheduled tick) runs once. pg-boss keeps its tables in its own `pgboss` schema, which the migrator
 * creates and upgrades (installJobQueueSchema); everything it runs afterwards is plain row work and
 * transaction-scoped locks, so it works as a role without DDL and through a transaction-mode pooler.
 */
export function createJobQueue({ connection, ssl, logger, work }: JobQueueOptions): JobQueue {
  const names: string[] = [];
  let started = false;
  let stopping = false;
  let retry: NodeJS.Timeout | undefined;
  const boss = new PgBoss({
    ...connection,
    ssl: ssl ? { rejectUnauthorized: true } : undefined,
    max: 3,
    application_name: 'lavandaria-jobs',
    schedule: work,
    supervise: work,
  });
  boss.on('error', (err) => logger.error({ err }, `❌ Job queue error: ${err.message}`));

  const queue: JobQueue = {
    async start() {
      await boss.start();
      started = true;
      logger.info({ work }, `✅ Job queue started${work ? '' : ' (enqueue only)'}`);
    },

    async register(definitions) {
      for (const d of definitions) {
        names.push(d.name);
        await boss.createQueue(d.name, queueOptions(d));
        if (!work) continue;
        await boss.work<Record<string, unknown>>(d.name, async (jobs) => {
          for (const job of jobs) {
            try {
              await d.handler(job.data ?? {});
            } catch (err) {
              logger.error({ err, job: d.name, jobId: job.id }, `❌ Job ${d.name} failed: ${(err as Error).message}`);
              throw err;
            }
          }
        });
        if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: 'Europe/Lisbon' });
      }
    },

    async send(name, data, options) {
      await boss.send(name, data, options?.singletonKey ? { singletonKey: options.singletonKey } : {});
    },

    startInBackground(definitions, retryMs = 30_000) {
      const attempt = () => {
        if (stopping) return;
        queue.start()
          .then(() => queue.register(definitions))
          .catch((err: unknown) => {
            logger.error({ err }, `❌ Job queue did not start (retrying in ${retryMs / 1000}s): ${(err as Error).message}`);
            retry = setTimeout(attempt, retryMs);
            retry.unref();
          });
      };
      attempt();
    },

    async depth() {
      const sizes = await Promise.all(names.map((name) => boss.getQueueSize(name)));
      return sizes.reduce((a, b) => a + b, 0);
    },

    async stop() {
      stopping = true;
      clearTimeout(retry);
      if (started) await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
  return queue;
}
