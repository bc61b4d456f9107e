import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../lib/app-error.js';
import { errorBody } from '../../lib/envelope.js';
import type { Logger } from '../../lib/logger.js';
import { isDatabaseUnavailable } from '../../db/pool.js';
import { newCorrelationId } from '../../lib/request-context.js';
import { loggableUrl } from '../../lib/loggable-url.js';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Maps anything thrown to an AppError: known library errors get their proper 4xx/503, the rest is a 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as BodyParserError & { code?: string; name?: string; message?: string };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding or charset.');
    case 'request.aborted':
      return new AppError(400, 'REQUEST_ABORTED', 'The request was aborted.');
    default:
      break;
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is temporarily unavailable. Try again shortly.', undefined, {
      'Retry-After': '5',
    });
  }
  if (e?.code === '57014') {
    return new AppError(503, 'QUERY_TIMEOUT', 'The request took too long. Try again shortly.', undefined, { 'Retry-After': '5' });
  }
  if (e?.code === '40001' || e?.code === '40P01') {
    return new AppError(409, 'CONFLICT_RETRY', 'The request conflicted with another change. Try again.');
  }
  if (err instanceof URIError && e.status === 400) {
    // The router could not percent-decode a path segment (an invalid UTF-8 sequence such as a lone surrogate).
    return new AppError(400, 'VALIDATION_FAILED', 'The address holds a path segment that is not valid UTF-8 text.', [
      { path: 'params', message: 'not valid UTF-8', code: 'invalid_text' },
    ]);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return new AppError(e.status, 'BAD_REQUEST', e.message ?? 'Bad request.');
  }
  return new AppError(500, 'INTERNAL', 'Something went wrong on our side. Quote the correlation id when reporting it.');
}

const EXPECTED_OUTAGES = new Set(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT', 'SESSION_STORE_UNAVAILABLE', 'RATE_LIMIT_UNAVAILABLE']);

/** The one error handler: the error envelope, no stack in the body, the stack in the log line. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    const correlationId = (res.locals.correlationId as string | undefined) ?? newCorrelationId();
    if (EXPECTED_OUTAGES.has(appError.code)) {
      // A known outage (database down, a query past its timeout) is not a bug: its code and cause go on
      // the request's own log line, one JSON line per request, instead of a stack trace per request.
      res.locals.failure = { code: appError.code, cause: (err as { code?: string })?.code ?? null, message: (err as Error)?.message ?? String(err) };
    } else if (appError.status >= 500) {
      logger.error({ err, correlationId, method: req.method, path: loggableUrl(req.originalUrl) }, `❌ ${appError.code}: ${(err as Error)?.message ?? err}`);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    res.status(appError.status).json(errorBody(appError.code, appError.message, correlationId, appError.details));
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl.split('?')[0]}.`));
};
