import type { AppError } from './app-error.js';

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * Turns a unique or foreign-key violation into the 409 its constraint stands for, so a race that the
 * service's own checks cannot see (two admins creating the same phone at once) is still a clean
 * conflict and never a 500. Anything else is rethrown untouched.
 */
export function mapConstraintViolation(err: unknown, byConstraint: Record<string, () => AppError>): never {
  const e = err as PgError;
  if ((e?.code === '23505' || e?.code === '23503') && e.constraint && byConstraint[e.constraint]) {
    throw byConstraint[e.constraint]!();
  }
  throw err;
}
