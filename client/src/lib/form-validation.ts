import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * zod issues as short language-neutral tokens (`required`, `tooShort:2`); the form shows them through
 * `validationMessage`, so the shared schemas never carry user-facing English.
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small') return issue.minimum === 1 ? 'required' : `tooShort:${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `tooLong:${String(issue.maximum)}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return 'invalid';
};

const KNOWN = new Set(['required', 'tooShort', 'tooLong', 'invalid', 'passwordsDiffer']);

/** A field message: a validation token, `format:<kind>`, or `api:<CODE>` for a server answer tied to this field. */
export function validationMessage(message: string | undefined, t: TFunction): string | undefined {
  if (message === undefined) return undefined;
  const [token = 'invalid', arg] = (message || 'invalid').split(':');
  if (token === 'api' && arg) return t(`errors.${arg as 'GENERIC'}`, { defaultValue: t('errors.GENERIC') });
  // `format:nif`: what a well-formed value looks like (the `ui` namespace, loaded with the forms that use it).
  if (token === 'format' && arg) return t(`formats.${arg as 'nif'}`, { ns: 'ui', defaultValue: t('validation.invalid') });
  if (!KNOWN.has(token)) return t('validation.invalid');
  return t(`validation.${token as 'invalid'}`, { count: Number(arg ?? 0) });
}

/** The first issue of each top-level field, as validation tokens keyed by field name. */
export function issuesByField(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in byField)) byField[field] = issue.message;
  }
  return byField;
}
