/**
 * The one error type of the application. Services throw it; the error handler renders it as the
 * error envelope with its stable UPPER_SNAKE code, which the web app translates.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (code = 'FORBIDDEN', message = 'You are not allowed to do this.') => new AppError(403, code, message);
export const notFound = (message = 'Not found.') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const serviceUnavailable = (code = 'SERVICE_UNAVAILABLE', message = 'The service is temporarily unavailable.') =>
  new AppError(503, code, message, undefined, { 'Retry-After': '5' });
