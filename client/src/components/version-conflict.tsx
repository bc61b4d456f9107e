import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/button';
import { ErrorNotice, Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { applyServerFieldErrors, tokenResolver, type FieldTokens } from '@/lib/form-resolver';

/**
 * The record a form edits, kept with the version it was read at. When someone else saves first the
 * server answers VERSION_CONFLICT: `reload` fetches their version, hands it to `onFresh` (to reset the
 * form) and becomes the new base. `fail` is the forms' onError: field errors go to their fields
 * (`applyFieldErrors` says whether it placed them), anything else becomes `generalError`.
 */
export function useVersionedRecord<T>({
  record,
  mutationError,
  fetchFresh,
  onFresh,
  applyFieldErrors,
}: {
  /** null while creating. */
  record: T | null;
  mutationError: unknown;
  fetchFresh: (current: T) => Promise<T>;
  onFresh: (fresh: T) => void;
  applyFieldErrors: (error: unknown) => boolean;
}) {
  const [base, setBase] = useState<T | null>(record);
  const [reloading, setReloading] = useState(false);
  const [generalError, setGeneralError] = useState<unknown>(null);

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await fetchFresh(base);
      setBase(fresh);
      onFresh(fresh);
    } catch (error) {
      setGeneralError(error);
    } finally {
      setReloading(false);
    }
  };

  return {
    base,
    conflict: isApiError(mutationError, 'VERSION_CONFLICT'),
    generalError,
    clearError: () => setGeneralError(null),
    fail: (error: unknown) => {
      if (!applyFieldErrors(error)) setGeneralError(error);
    },
    reload,
    reloading,
  };
}

/**
 * A dialog's form that creates a record or edits one at the version it was read at: the form (its values read
 * from the record, or the blanks while creating, by `valuesOf`) with `useVersionedRecord` wired to it. A
 * reload resets the form to the other person's version and clears the failed save (`resetSave`); the
 * server's field errors go to their fields.
 */
export function useVersionedForm<T, V extends FieldValues>({
  record,
  schema,
  tokens,
  fields,
  valuesOf,
  mutationError,
  fetchFresh,
  resetSave,
}: {
  record: T | null;
  schema: z.ZodType<V, FieldValues>;
  tokens: FieldTokens;
  /** The form's fields, which a server's field error may name. */
  fields: readonly string[];
  valuesOf: (record: T | null) => V;
  mutationError: unknown;
  fetchFresh: (current: T) => Promise<T>;
  resetSave: () => void;
}) {
  const form = useForm<V>({ resolver: tokenResolver(schema, tokens), defaultValues: valuesOf(record) as DefaultValues<V> });
  const versioned = useVersionedRecord({
    record,
    mutationError,
    fetchFresh,
    onFresh: (fresh) => {
      form.reset(valuesOf(fresh));
      resetSave();
    },
    applyFieldErrors: (error) => applyServerFieldErrors(error, form.setError, fields, tokens),
  });
  return { form, ...versioned };
}

/**
 * What a form that edits a versioned record shows above its fields: after a version conflict, a warning
 * that says so with the button that loads the other person's version; otherwise its last failure, if any.
 */
export function SaveProblemNotice({
  conflict,
  message,
  reloadLabel,
  onReload,
  isReloading,
  error,
}: {
  conflict: boolean;
  message: string;
  reloadLabel: string;
  onReload: () => unknown;
  isReloading?: boolean;
  error: unknown;
}) {
  if (!conflict) return <ErrorNotice error={error} />;
  return (
    <Notice tone="warning">
      <p>{message}</p>
      <p>
        <Button size="sm" onPress={() => void onReload()} isPending={isReloading}>
          {reloadLabel}
        </Button>
      </p>
    </Notice>
  );
}
