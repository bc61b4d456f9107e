import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../lib/logger.js';

const QUIET_PATHS = new Set(['/api/healthz', '/api/readyz', '/api/metrics']);

function pathOf(req: IncomingMessage): string {
  return (req as Request).originalUrl?.split('?')[0] ?? req.url?.split('?')[0] ?? '';
}

/**
 * One line per request with the runbook's markers: `✅ … fetched in Nms` for successful reads,
 * `⚠️` for 4xx and `❌` for 5xx. Health probes log at debug so they do not drown the rest.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => String((res as unknown as { locals: { correlationId: string } }).locals.correlationId),
    customAttributeKeys: { responseTime: 'durationMs' },
    quietReqLogger: true,
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({ method: req.method, url: req.url, ip: req.remoteAddress }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
      if (QUIET_PATHS.has(pathOf(req)) && res.statusCode < 500) return 'debug';
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, responseTime: number) => {
      const ms = Math.round(responseTime);
      const line = `${req.method} ${pathOf(req)} ${res.statusCode}`;
      if (res.statusCode >= 500) return `❌ ${line} in ${ms}ms`;
      if (res.statusCode >= 400) return `⚠️ ${line} in ${ms}ms`;
      if (req.method === 'GET' || req.method === 'HEAD') return `✅ ${line} fetched in ${ms}ms`;
      return `✅ ${line} done in ${ms}ms`;
    },
    customErrorMessage: (req: IncomingMessage, res: ServerResponse, err: Error) =>
      `❌ ${req.method} ${pathOf(req)} ${res.statusCode} failed: ${err.message}`,
  }) as unknown as RequestHandler;
}
