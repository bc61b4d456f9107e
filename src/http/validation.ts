import type { z } from 'zod';
import { AppError } from '../lib/app-error.js';

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** A zod failure as the stable 400 the SPA maps onto form fields. */
export function validationError(error: z.ZodError, where: 'params' | 'query' | 'body'): AppError {
  const details: FieldIssue[] = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
  const first = details[0];
  const message = first ? `Invalid ${first.path}: ${first.message}` : 'The request is not valid.';
  return new AppError(400, 'VALIDATION_FAILED', message, details);
}
