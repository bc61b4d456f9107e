import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet with a CSP that the SPA and Swagger UI both load under. `upgrade-insecure-requests` and HSTS
 * only in production: they would break plain-HTTP development and the runbook's curl on localhost.
 */
export function securityHeaders(isProduction: boolean): RequestHandler {
  const helmetMiddleware = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        // The web push service worker (/sw.js); nothing else runs as a worker.
        'worker-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': isProduction ? [] : null,
      },
    },
    strictTransportSecurity: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const headers = headersSetBy(helmetMiddleware);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}

/**
 * The headers a helmet middleware sets, taken once at start-up. No directive here depends on the request
 * (no nonce), so they are the same on every answer; helmet rebuilt them — the CSP string from its
 * directives among them — on every request, a cost each answer paid for nothing.
 */
function headersSetBy(middleware: RequestHandler): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let done = false;
  const res = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => undefined };
  void middleware({} as Request, res as unknown as Response, () => (done = true));
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return headers;
}
