/** A field problem from a 400 VALIDATION_FAILED (`path` is e.g. `body.name`). */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * Any failed API call. `code` is the server's stable UPPER_SNAKE code, or one of the client-side codes
 * NETWORK_ERROR (no answer) and BAD_RESPONSE (an answer that is not our envelope, e.g. a proxy page).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly correlationId: string,
    readonly details?: unknown,
    /** Seconds from the Retry-After header, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? (this.details as FieldIssue[]).filter((d) => typeof d?.path === 'string') : [];
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
