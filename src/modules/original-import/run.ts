import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { Logger } from '../../lib/logger.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ImagePipeline } from '../photos/image-pipeline.js';
import type { PhotoStorage } from '../photos/photo-storage.js';
import type { Source } from './source.js';
import { emptyReport, type EntityReport, type IdMap, type Step, type StepContext } from './step.js';
import { clientsStep, propertiesStep, usersStep } from './steps-people.js';
import { ordersStep, servicesStep } from './steps-laundry.js';
import { jobsStep, timeLogsStep } from './steps-cleaning.js';
import { photosStep } from './steps-photos.js';
import { notificationsStep, paymentsCleaningStep, paymentsLaundryStep, paymentsStep, settingsStep, ticketsStep } from './steps-other.js';

/** In dependency order: a row is imported after everything it points at. */
export const STEPS: Step[] = [
  usersStep, clientsStep, propertiesStep, servicesStep, ordersStep, jobsStep, timeLogsStep, photosStep,
  paymentsStep, paymentsCleaningStep, paymentsLaundryStep, ticketsStep, notificationsStep, settingsStep,
];

/** Two importers at once would race for the same rows: the second one is refused. */
const LOCK_KEY = 7_310_422_001;
const DEFAULT_BATCH = 500;

export interface ImportOriginalOptions {
  source: Source;
  db: Db;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  cipher: FieldCipher;
  storage: PhotoStorage;
  pipeline: ImagePipeline;
  uploadsDir: string | null;
  dryRun: boolean;
  batchSize?: number;
  /** Stops cleanly after the batch in progress (the run can be resumed). */
  signal?: AbortSignal;
  /** Told after every committed batch (progress output). */
  onBatch?: (entity: string, lastId: number, report: EntityReport) => void;
}

export interface ImportOriginalResult {
  runId: number;
  status: 'completed' | 'interrupted';
  dryRun: boolean;
  resumedFrom: { entity: string; afterId: number } | null;
  report: Record<string, EntityReport>;
}

export class ImportRefused extends Error {}

interface RunRow {
  id: number;
  status: string;
  checkpoint_entity: string | null;
  checkpoint_after_id: number | null;
  report: Record<string, EntityReport>;
}

function createIdMap(runId: () => number): IdMap & { tx: Queryable | null; preload(q: Queryable): Promise<void> } {
  const cache = new Map<string, Map<number, number>>();
  const of = (entity: string) => cache.get(entity) ?? cache.set(entity, new Map()).get(entity)!;
  const map = {
    tx: null as Queryable | null,
    async preload(q: Queryable) {
      const { rows } = await q.query<{ entity: string; original_id: number; new_id: number }>(`SELECT entity, original_id, new_id FROM original_import_map`);
      for (const r of rows) of(r.entity).set(r.original_id, r.new_id);
    },
    get: (entity: string, originalId: number | null | undefined) => (originalId === null || originalId === undefined ? undefined : of(entity).get(originalId)),
    async set(entity: string, originalId: number, newId: number) {
      await map.tx!.query(`INSERT INTO original_import_map (entity, original_id, new_id, run_id) VALUES ($1, $2, $3, $4)`, [entity, originalId, newId, runId()]);
      of(entity).set(originalId, newId);
    },
  };
  return map;
}

/**
 * Brings the earlier system's data over, table by table in dependency order, in batches: each batch is
 * one transaction that also moves the run's checkpoint, so an interrupted run resumes after the last
 * batch it committed. Rows an earlier run imported are skipped (the id map), so running again adds
 * only what is new. A dry run does all of it in one transaction that is rolled back, files untouched.
 */
export async function importOriginal(o: ImportOriginalOptions): Promise<ImportOriginalResult> {
  const ready = await o.db.query<{ map: string | null }>(`SELECT to_regclass('original_import_map')::text AS map`);
  if (!ready.rows[0]?.map) throw new ImportRefused('This database is not migrated yet: run `npm run migrate` first.');
  const lockClient = await o.db.pool.connect();
  try {
    const { rows: locked } = await lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY]);
    if (!locked[0]!.ok) throw new ImportRefused('Another import from the earlier system is running.');
    try {
      return await (o.dryRun ? dryRun(o) : realRun(o));
    } finally {
      await lockClient.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    lockClient.release();
  }
}

async function dryRun(o: ImportOriginalOptions): Promise<ImportOriginalResult> {
  const client = await o.db.pool.connect();
  const tx: Queryable = { query: (text, values) => client.query(text, values) as never };
  try {
    await client.query('BEGIN');
    return await execute(o, (fn) => fn(tx), tx);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function realRun(o: ImportOriginalOptions): Promise<ImportOriginalResult> {
  return execute(o, (fn) => o.db.transaction(fn), o.db);
}

async function execute(o: ImportOriginalOptions, transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>, q: Queryable): Promise<ImportOriginalResult> {
  const { rows: last } = await q.query<RunRow>(`SELECT id, status, checkpoint_entity, checkpoint_after_id, report FROM original_import_runs ORDER BY id DESC LIMIT 1`);
  const resume = !o.dryRun && last[0] && last[0].status !== 'completed' ? last[0] : null;
  let runId: number;
  let report: Record<string, EntityReport>;
  if (resume) {
    runId = resume.id;
    report = resume.report;
    await q.query(`UPDATE original_import_runs SET status = 'running', error = NULL WHERE id = $1`, [runId]);
    o.logger.info({ event: 'import_original.resumed', runId, entity: resume.checkpoint_entity, afterId: resume.checkpoint_after_id }, '↻ Resuming an interrupted import');
  } else {
    const { rows } = await q.query<{ id: number }>(`INSERT INTO original_import_runs (source, status, started_at) VALUES ($1, 'running', $2) RETURNING id`, [
      o.source.label, o.clock.now(),
    ]);
    runId = rows[0]!.id;
    report = {};
  }
  const ids = createIdMap(() => runId);
  await ids.preload(q);
  const vat = await q.query<{ value: number }>(`SELECT value::int AS value FROM settings WHERE key = 'vatRateBasisPoints'`);
  const vatRateBp = vat.rows[0]?.value ?? 2300;

  const startIndex = resume?.checkpoint_entity ? Math.max(0, STEPS.findIndex((s) => s.entity === resume.checkpoint_entity)) : 0;
  try {
    for (let i = startIndex; i < STEPS.length; i += 1) {
      const step = STEPS[i]!;
      const entityReport = (report[step.entity] ??= emptyReport());
      if (step.optional && !o.source.has(step.table)) continue;
      let afterId = i === startIndex && resume ? Number(resume.checkpoint_after_id ?? 0) : 0;
      for (;;) {
        const rows = await o.source.batch(step.table, step.select(o.source), afterId, step.batchSize ?? o.batchSize ?? DEFAULT_BATCH, step.from?.(o.source));
        if (rows.length === 0) break;
        const fresh = rows.filter((r) => ids.get(step.entity, r.id) === undefined);
        entityReport.read += rows.length;
        entityReport.already += rows.length - fresh.length;
        const lastId = rows[rows.length - 1]!.id;
        await transaction(async (tx) => {
          ids.tx = tx;
          if (fresh.length > 0) await step.importRows(await context(o, tx, ids, entityReport, runId, vatRateBp), fresh);
          await saveCheckpoint(tx, runId, step.entity, lastId, report);
        });
        afterId = lastId;
        o.onBatch?.(step.entity, lastId, entityReport);
        if (o.signal?.aborted) {
          await q.query(`UPDATE original_import_runs SET status = 'interrupted' WHERE id = $1`, [runId]);
          return { runId, status: 'interrupted', dryRun: o.dryRun, resumedFrom: resumeFrom(resume), report };
        }
      }
      const next = STEPS[i + 1];
      await transaction(async (tx) => {
        ids.tx = tx;
        if (step.finish) await step.finish(await context(o, tx, ids, entityReport, runId, vatRateBp));
        await saveCheckpoint(tx, runId, next?.entity ?? step.entity, 0, report);
      });
    }
    await transaction(async (tx) => {
      await tx.query(`UPDATE original_import_runs SET status = 'completed', finished_at = $2 WHERE id = $1`, [runId, o.clock.now()]);
      const counts = Object.fromEntries(Object.entries(report).map(([entity, r]) => [entity, r.imported]));
      await o.audit.record(tx, {
        action: 'import_original',
        entity: 'import',
        entityId: runId,
        before: null,
        after: counts,
        valueFields: Object.keys(counts),
        actor: { type: 'system', id: null },
      });
    });
    return { runId, status: 'completed', dryRun: o.dryRun, resumedFrom: resumeFrom(resume), report };
  } catch (err) {
    if (!o.dryRun) {
      await q.query(`UPDATE original_import_runs SET status = 'failed', error = $2 WHERE id = $1`, [runId, (err as Error).message.slice(0, 1000)]).catch(() => undefined);
    }
    throw err;
  }
}

const resumeFrom = (resume: RunRow | null) => (resume?.checkpoint_entity ? { entity: resume.checkpoint_entity, afterId: Number(resume.checkpoint_after_id ?? 0) } : null);

async function saveCheckpoint(tx: Queryable, runId: number, entity: string, afterId: number, report: Record<string, EntityReport>) {
  await tx.query(`UPDATE original_import_runs SET checkpoint_entity = $2, checkpoint_after_id = $3, report = $4 WHERE id = $1`, [runId, entity, afterId, report]);
}

async function context(o: ImportOriginalOptions, tx: Queryable, ids: IdMap, report: EntityReport, runId: number, vatRateBp: number): Promise<StepContext> {
  const { rows } = await tx.query<{ id: number }>(`SELECT id FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY role = 'master' DESC, id LIMIT 1`);
  return {
    tx,
    source: o.source,
    ids,
    report,
    runId,
    dryRun: o.dryRun,
    cipher: o.cipher,
    photos: { uploadsDir: o.uploadsDir, storage: o.storage, pipeline: o.pipeline },
    fallbackStaffId: rows[0]?.id ?? 0,
    vatRateBp,
    async row(id, fn) {
      await tx.query('SAVEPOINT original_row');
      try {
        const outcome = await fn();
        await tx.query('RELEASE SAVEPOINT original_row');
        if (outcome === 'imported') report.imported += 1;
        else if (outcome === 'matched') report.matched += 1;
        else report.skipped.push({ id, reason: outcome.skipped });
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT original_row');
        const code = (err as { code?: string }).code;
        if (!code || !/^(22|23)/.test(code)) throw err;
        report.skipped.push({ id, reason: `refused by the database: ${(err as Error).message}` });
      }
    },
  };
}
