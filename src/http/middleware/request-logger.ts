import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../lib/logger.js';
import { loggableUrl } from '../../lib/loggable-url.js';

const QUIET_PATHS = new Set(['/api/healthz', '/api/readyz', '/api/metrics']);

type Level = 'debug' | 'info' | 'warn' | 'error';

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

function levelOf(path: string, status: number, aborted: boolean): Level {
  if (status >= 500) return 'error';
  if (QUIET_PATHS.has(path)) return 'debug';
  // A phone losing its signal or a page moving on is not a fault of the server: a warning, not an error.
  if (aborted || status >= 400) return 'warn';
  return 'info';
}

function messageOf(method: string, path: string, status: number, ms: number, aborted: boolean): string {
  const line = `${method} ${path} ${status}`;
  if (status >= 500) return `❌ ${line} failed in ${ms}ms`;
  if (aborted) return `⚠️ ${line} aborted by the client after ${ms}ms`;
  if (status >= 400) return `⚠️ ${line} in ${ms}ms`;
  if (method === 'GET' || method === 'HEAD') return `✅ ${line} fetched in ${ms}ms`;
  return `✅ ${line} done in ${ms}ms`;
}

/**
 * One line per request with the runbook's markers: `✅ … fetched in Nms` for successful reads, `⚠️` for
 * 4xx or a request the client gave up on, `❌` for 5xx. Health probes log at debug so they do not
 * drown the rest. The line carries the correlation id as `reqId`. Nothing is built for a line whose
 * level is off (a child logger per request, as a generic HTTP logger makes, cost more than routing).
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const finish = (aborted: boolean) => {
      res.removeListener('finish', onFinish);
      res.removeListener('close', onClose);
      const path = pathOf(req);
      const status = res.statusCode;
      const level = levelOf(path, status, aborted);
      if (!logger.isLevelEnabled(level)) return;
      const ms = Math.round(performance.now() - started);
      logger[level](
        {
          reqId: (res as Response).locals.correlationId as string,
          // req.ip: the client address through exactly TRUST_PROXY hops, as the limiter and the audit log see it.
          req: { method: req.method, url: loggableUrl(req.originalUrl ?? req.url ?? ''), ip: req.ip },
          res: { statusCode: status },
          ...(res.locals.failure ? { err: res.locals.failure as unknown } : {}),
          durationMs: ms,
        },
        messageOf(req.method, path, status, ms, aborted),
      );
    };
    const onFinish = () => finish(false);
    // `close` before `finish`: the connection went away before the whole answer was handed over.
    const onClose = () => finish(!res.writableFinished);
    res.on('finish', onFinish);
    res.on('close', onClose);
    next();
  };
}
