import type { ReactNode } from 'react';
import { Icon } from '@/components/icon';

/*
 * The description and error under a native input or select, tied to it by id (`${id}-description`,
 * `${id}-error`). No accessibility library here: the sign-in form, part of the first load, uses it.
 */

/** The `aria-describedby` of a native control whose help is `NativeFieldHelp` with the same id. */
export function nativeDescribedBy(id: string, description: ReactNode, errorMessage: string | undefined): string | undefined {
  return [description ? `${id}-description` : null, errorMessage ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function NativeFieldHelp({ id, description, errorMessage }: { id: string; description?: ReactNode; errorMessage?: string | undefined }) {
  return (
    <>
      {description ? (
        <span id={`${id}-description`} className="muted text-sm">
          {description}
        </span>
      ) : null}
      {errorMessage ? (
        <span id={`${id}-error`} className="field__error">
          <Icon name="alertCircle" size={16} />
          <span>{errorMessage}</span>
        </span>
      ) : null}
    </>
  );
}
