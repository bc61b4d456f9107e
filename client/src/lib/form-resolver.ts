import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver, UseFormSetError, Path } from 'react-hook-form';
import { z } from 'zod';
import { formErrorMap } from '@/lib/form-validation';
import { isApiError } from '@/lib/api-error';

/** Field name → the token that explains its format (`format:nif`…; the messages come with components/fields). */
export type FieldTokens = Record<string, string>;

/**
 * A react-hook-form resolver over a shared zod schema whose "wrong format" problems become the
 * field's own explanation (an invalid NIF says what a NIF looks like) instead of "check this value".
 * The shared schemas carry English messages for the API on their refinements; a message with a space
 * is such a sentence, never one of our tokens, so it is replaced too.
 */
export function tokenResolver<T extends FieldValues>(schema: z.ZodType<T, FieldValues>, tokens: FieldTokens = {}): Resolver<T> {
  const inner = zodResolver(schema as never, {
    error: (issue: Parameters<typeof formErrorMap>[0]) => {
      const token = formErrorMap(issue);
      const field = String(issue.path?.[0] ?? '');
      return token === 'invalid' && tokens[field] ? tokens[field] : token;
    },
  }) as unknown as Resolver<T>;
  return async (values, context, options) => {
    const result = await inner(values, context, options);
    for (const [field, error] of Object.entries(result.errors)) {
      const message = (error as { message?: string } | undefined)?.message;
      if (error && message?.includes(' ')) (error as { message: string }).message = tokens[field] ?? 'invalid';
    }
    return result;
  };
}

/** Server answers that belong to one field, not to the whole form. */
const FIELD_CODES: Record<string, string> = { USERNAME_TAKEN: 'username', PHONE_TAKEN: 'phone', PRIMARY_EXISTS: 'isPrimary' };

/**
 * Puts a server refusal next to the field it is about (a taken phone, a NIF the server rejected).
 * Returns true when every problem found a field, so the form need not show a general message.
 */
export function applyServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[], tokens: FieldTokens = {}): boolean {
  if (!isApiError(error)) return false;
  const field = FIELD_CODES[error.code];
  if (field && fields.includes(field)) {
    setError(field as Path<T>, { message: `api:${error.code}` }, { shouldFocus: true });
    return true;
  }
  if (error.code !== 'VALIDATION_FAILED') return false;
  const issues = error.fieldIssues.map((issue) => ({ ...issue, field: issue.path.replace(/^body\./, '').split('.')[0] ?? '' }));
  const placed = issues.filter((issue) => fields.includes(issue.field));
  placed.forEach((issue, index) => setError(issue.field as Path<T>, { message: tokens[issue.field] ?? 'invalid' }, { shouldFocus: index === 0 }));
  return placed.length > 0 && placed.length === issues.length;
}

/** An optional text field: empty, or a value the schema accepts. */
export const blankOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

/** What an optional text field sends: null when left empty. */
export const orNull = (value: string | undefined) => (value ? value : null);
