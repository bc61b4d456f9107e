import { z } from 'zod';
import type { Db } from '../db/pool.js';
import { schemaIsCurrent } from '../db/migrate.js';
import { meta } from '../lib/envelope.js';
import { RESPONDED, route, type Routes } from './endpoint.js';

export interface Readiness {
  shuttingDown: boolean;
  /** Resolves when the schema matches this build's migrations; cached once true. */
  schemaCurrent(): Promise<boolean>;
}

export function createReadiness(db: Db): Readiness {
  let current = false;
  return {
    shuttingDown: false,
    async schemaCurrent() {
      if (!current) current = await schemaIsCurrent(db);
      return current;
    },
  };
}

const HealthData = z
  .object({ service: z.literal('lavandaria-api'), uptimeSeconds: z.number(), version: z.string() })
  .meta({ id: 'Health' });

const ReadyData = z
  .object({
    checks: z.object({
      database: z.object({ status: z.enum(['ok', 'fail']), latencyMs: z.number().optional(), error: z.string().optional() }),
      schema: z.object({ status: z.enum(['ok', 'pending', 'unknown']) }),
      shutdown: z.object({ status: z.enum(['ok', 'draining']) }),
    }),
  })
  .meta({ id: 'Readiness' });

async function pingWithTimeout(db: Db, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database ping timed out after ${timeoutMs}ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.query('SELECT 1'), timeout]);
    return Math.round((performance.now() - started) * 10) / 10;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(routes: Routes, deps: { db: Db; readiness: Readiness; version: string; readyzTimeoutMs: number }) {
  const startedAt = Date.now();

  route(
    routes,
    {
      method: 'get',
      path: '/api/healthz',
      summary: 'Liveness: the process is up (no database involved)',
      tags: ['Health'],
      access: 'public',
      allowDuringPasswordChange: true,
      response: HealthData,
    },
    ({ res }) => {
      res.json({
        success: true,
        status: 'ok',
        data: { service: 'lavandaria-api', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), version: deps.version },
        _meta: meta(res.locals.correlationId as string),
      });
      return RESPONDED;
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/readyz',
      summary: 'Readiness: database reachable, schema current, not shutting down',
      description: 'Answers 503 with `status: "not_ready"` and the failing check; top-level `status` is "ready" otherwise.',
      tags: ['Health'],
      access: 'public',
      allowDuringPasswordChange: true,
      response: ReadyData,
      errors: { 503: 'not_ready — a check failed.' },
    },
    async ({ res }) => {
      const checks: z.infer<typeof ReadyData>['checks'] = {
        database: { status: 'ok' },
        schema: { status: 'unknown' },
        shutdown: { status: deps.readiness.shuttingDown ? 'draining' : 'ok' },
      };
      try {
        checks.database.latencyMs = await pingWithTimeout(deps.db, deps.readyzTimeoutMs);
        checks.schema.status = (await deps.readiness.schemaCurrent()) ? 'ok' : 'pending';
      } catch (err) {
        checks.database = { status: 'fail', error: err instanceof Error ? err.message : 'unreachable' };
      }
      const ready = checks.database.status === 'ok' && checks.schema.status === 'ok' && checks.shutdown.status === 'ok';
      res.setHeader('Cache-Control', 'no-store');
      res.status(ready ? 200 : 503).json({
        success: ready,
        status: ready ? 'ready' : 'not_ready',
        data: { checks },
        _meta: meta(res.locals.correlationId as string),
      });
      return RESPONDED;
    },
  );
}
