import express, { type RequestHandler } from 'express';
import { AppError } from '../../lib/app-error.js';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Parameters<RequestHandler>[0]): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON only: a body of any other type is a 415 (a cross-site HTML form cannot send JSON), except on the
 * routes that take uploads, where the route's own multipart parser runs.
 */
export function jsonBody(limitKb: number, multipartPaths: RegExp[] = []): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!WITH_BODY.has(req.method) || !hasBody(req)) return next();
    if (req.is('application/json')) return next();
    if (req.is('multipart/form-data') && multipartPaths.some((p) => p.test(req.path))) return next();
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  };
  return [requireJson, express.json({ limit: `${limitKb}kb`, strict: true })];
}
