import type { RequestHandler } from 'express';
import { isValidCorrelationId, newCorrelationId, requestContext } from '../../lib/request-context.js';

/**
 * Keeps a valid inbound X-Correlation-Id or makes `req_<epochMillis>_<random>`, echoes it, and runs the
 * rest of the request inside its context so every log line (SQL included) carries it.
 */
export function correlationId(): RequestHandler {
  return (req, res, next) => {
    const inbound = req.get('x-correlation-id');
    const id = isValidCorrelationId(inbound) ? inbound : newCorrelationId();
    res.locals.correlationId = id;
    res.setHeader('X-Correlation-Id', id);
    requestContext.run({ correlationId: id, startedAt: Date.now() }, () => next());
  };
}
