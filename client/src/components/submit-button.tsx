import type { ReactNode } from 'react';
import { buttonClass, type ButtonLook } from '@/components/button-look';

/**
 * A form's native submit button in the house styles, for the forms of the first load (sign-in),
 * which has no room for an accessibility library. While pending it stays focusable, says it is busy
 * and shows the pending label; the form ignores a second submit.
 */
export function SubmitButton({ children, isPending, pendingLabel, variant = 'primary', ...look }: Omit<ButtonLook, 'iconOnly'> & { children: ReactNode; isPending?: boolean; pendingLabel?: ReactNode }) {
  return (
    <button
      type="submit"
      className={buttonClass({ variant, ...look, className: look.className ? `btn--native ${look.className}` : 'btn--native' })}
      aria-disabled={isPending || undefined}
      aria-busy={isPending || undefined}
      data-pending={isPending ? '' : undefined}
    >
      {isPending ? <span className="spinner" aria-hidden="true" /> : null}
      {isPending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
