import crypto from 'node:crypto';
import net from 'node:net';
import type { Request, RequestHandler } from 'express';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../lib/app-error.js';
import { RESPONDED, route, type Routes } from './endpoint.js';

export interface MetricsAccess {
  enabled: boolean;
  /** When set, a scrape must send `Authorization: Bearer <token>`; addresses no longer matter. */
  token: string | undefined;
  /** Without a token: addresses (or CIDR ranges) allowed besides loopback. */
  allowIps: string[];
}

export type JobQueueDepthSource = () => number | Promise<number>;

export interface Metrics {
  readonly registry: Registry;
  /** Times every request; mount it before the routers. */
  observeRequests: RequestHandler;
  rateLimitTriggered(limiter: string, scope: string): void;
  slowQuery(level: 'warn' | 'error'): void;
  /** The job queue plugs its depth in here; until it does the gauge reads 0. */
  setJobQueueDepthSource(source: JobQueueDepthSource): void;
}

/** How often the event-loop lag monitor samples (ms). */
export const EVENT_LOOP_SAMPLE_MS = 100;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The route template (`/api/users/:id`), never the raw URL: ids in label values would make one time
 * series per record and exhaust the Prometheus server.
 */
export function routeLabel(req: Request): string {
  const declared: unknown = req.res?.locals.routeTemplate;
  if (typeof declared === 'string') return declared;
  const template: unknown = req.route?.path;
  if (typeof template === 'string') return `${req.baseUrl ?? ''}${template}`;
  return (req.originalUrl ?? req.url).startsWith('/api') ? 'unmatched' : 'static';
}

/**
 * One registry per application (tests build several apps in one process): HTTP timings, errors,
 * sign-in limits, the pg pool, slow queries, the job queue and the process itself.
 */
export function createMetrics(deps: { pool: pg.Pool; version: string }): Metrics {
  const registry = new Registry();
  // The event-loop lag histogram samples every 100 ms instead of the default 10: the lag we care about is in
  // tens of milliseconds, and a 10 ms timer woke an idle server a hundred times a second.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

  new Gauge({ name: 'lavandaria_build_info', help: 'Version of the running build', labelNames: ['version'], registers: [registry] }).set(
    { version: deps.version },
    1,
  );
  const duration = new Histogram({
    name: 'lavandaria_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status class',
    labelNames: ['method', 'route', 'status_class'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'lavandaria_http_errors_total',
    help: 'HTTP responses with a 4xx or 5xx status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const rateLimits = new Counter({
    name: 'lavandaria_rate_limit_triggers_total',
    help: 'Requests refused by a rate limit',
    labelNames: ['limiter', 'scope'],
    registers: [registry],
  });
  const slowQueries = new Counter({
    name: 'lavandaria_db_slow_queries_total',
    help: 'Database queries over DB_SLOW_QUERY_WARN_MS (level warn) or DB_SLOW_QUERY_ERROR_MS (level error)',
    labelNames: ['level'],
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge('lavandaria_db_pool_total', 'Connections the pg pool holds (idle + in use)', () => deps.pool.totalCount);
  poolGauge('lavandaria_db_pool_idle', 'Idle connections in the pg pool', () => deps.pool.idleCount);
  poolGauge('lavandaria_db_pool_waiting', 'Queries waiting for a pg pool connection', () => deps.pool.waitingCount);

  let queueDepth: JobQueueDepthSource = () => 0;
  new Gauge({
    name: 'lavandaria_job_queue_depth',
    help: 'Jobs waiting in the background job queue',
    registers: [registry],
    async collect() {
      this.set(await queueDepth());
    },
  });

  const observeRequests: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req) };
      stop({ ...labels, status_class: `${Math.floor(res.statusCode / 100)}xx` });
      if (res.statusCode >= 400) errors.inc({ ...labels, status: String(res.statusCode) });
    });
    next();
  };

  return {
    registry,
    observeRequests,
    rateLimitTriggered: (limiter, scope) => rateLimits.inc({ limiter, scope }),
    slowQuery: (level) => slowQueries.inc({ level }),
    setJobQueueDepthSource(source) {
      queueDepth = source;
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.5`) as plain IPv4, so one allow-list entry covers both forms. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

export function createAddressCheck(allowIps: string[]): (ip: string) => boolean {
  const allowed = new net.BlockList();
  allowed.addSubnet('127.0.0.0', 8, 'ipv4');
  allowed.addAddress('::1', 'ipv6');
  for (const entry of allowIps) {
    const [address = '', bits] = entry.split('/');
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(bits), family);
  }
  return (ip) => {
    const address = plainAddress(ip);
    const family = net.isIP(address);
    return family !== 0 && allowed.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * `GET /api/metrics` in the Prometheus text format. Without the token (or from an address not allowed)
 * it answers exactly like an unknown route, so a scan learns nothing. The address is `req.ip`, which
 * honours TRUST_PROXY: behind a proxy the socket address is the proxy's own loopback address.
 */
export function metricsRoutes(routes: Routes, deps: { metrics: Metrics; access: MetricsAccess }): void {
  const addressAllowed = createAddressCheck(deps.access.allowIps);
  const permitted = (req: Request): boolean => {
    if (deps.access.token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      return match?.[1] !== undefined && sameSecret(match[1], deps.access.token);
    }
    return addressAllowed(req.ip ?? req.socket.remoteAddress ?? '');
  };

  route(
    routes,
    {
      method: 'get',
      path: '/api/metrics',
      summary: 'Prometheus metrics (token or allow-listed address only)',
      description:
        'With `METRICS_TOKEN` set, send `Authorization: Bearer <token>`; otherwise only loopback and `METRICS_ALLOW_IPS` may scrape. ' +
        'Anyone else gets the same 404 as an unknown route.',
      tags: ['Health'],
      access: 'public',
      allowDuringPasswordChange: true,
      rawResponse: { contentType: 'text/plain; version=0.0.4', description: 'Metrics in the Prometheus text exposition format' },
      errors: { 404: 'ROUTE_NOT_FOUND — not allowed to scrape (same answer as an unknown route).' },
    },
    async ({ req, res }) => {
      if (!permitted(req)) throw new AppError(404, 'ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl.split('?')[0]}.`);
      const body = await deps.metrics.registry.metrics();
      res.setHeader('Content-Type', deps.metrics.registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
      return RESPONDED;
    },
  );
}
