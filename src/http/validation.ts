import type { z } from 'zod';
import { AppError } from '../lib/app-error.js';
import { unstorableTextPaths } from '../contracts/primitives.js';

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * NUL bytes and lone surrogates anywhere in an input (issue 16 §2): checked once for every route before
 * its own schema, so no free-text field, filter or key can carry one into PostgreSQL.
 */
export function unstorableTextError(value: unknown, where: 'params' | 'query' | 'body'): AppError | null {
  const paths = unstorableTextPaths(value);
  if (!paths.length) return null;
  const details: FieldIssue[] = paths.map((p) => ({
    path: [where, ...p.map(String)].join('.'),
    message: 'must not contain NUL bytes or unpaired surrogates',
    code: 'invalid_text',
  }));
  return new AppError(400, 'VALIDATION_FAILED', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);
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
