import type { Request, RequestHandler } from 'express';
import cors from 'cors';
import { AppError } from '../../lib/app-error.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * CORS allowlist with credentials, and the CSRF rule of PRODUCT §6: a browser's state-changing request
 * must come from an allowed origin (Origin header) or say it is same-site (Sec-Fetch-Site). Requests
 * with neither header (curl, scripts) pass; nothing else is required of them.
 */
export function originPolicy(allowedOrigins: string[]): RequestHandler[] {
  const allowed = new Set(allowedOrigins);
  const isAllowed = (req: Request, origin: string) => allowed.has(origin) || origin === ownOrigin(req);

  const reject: RequestHandler = (req, _res, next) => {
    const origin = req.get('origin');
    if (origin !== undefined && !isAllowed(req, origin)) {
      throw new AppError(403, 'ORIGIN_NOT_ALLOWED', 'Requests from this origin are not allowed.');
    }
    if (UNSAFE.has(req.method) && origin === undefined && req.get('sec-fetch-site') === 'cross-site') {
      throw new AppError(403, 'CSRF_REJECTED', 'Cross-site requests cannot change data.');
    }
    next();
  };

  const corsHandler = cors((req, callback) => {
    const origin = (req as Request).get('origin');
    callback(null, {
      origin: origin !== undefined && isAllowed(req as Request, origin) ? origin : false,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'X-Correlation-Id', 'Idempotency-Key', 'Accept', 'Accept-Language'],
      exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'Content-Disposition', 'Idempotent-Replayed'],
      maxAge: 600,
    });
  });

  return [reject, corsHandler];
}
