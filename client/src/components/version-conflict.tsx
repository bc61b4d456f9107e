import { useState } from 'react';
import { Button } from '@/components/button';
import { ErrorNotice, Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';

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
