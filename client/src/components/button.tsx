import type { ReactNode } from 'react';
import { buttonClass, type ButtonLook as Look } from '@/components/button-look';
import { Button as AriaButton, Link as AriaLink, type ButtonProps as AriaButtonProps, type LinkProps as AriaLinkProps } from 'react-aria-components';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children'>, Look {
  children: ReactNode;
  /** Shown instead of the children while isPending (e.g. "Signing in…"). */
  pendingLabel?: ReactNode;
}

/** React Aria's button (press events, pending state announced, keyboard and touch alike) in the house styles. */
export function Button({ variant, size, block, iconOnly, className, children, pendingLabel, isPending, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} isPending={isPending} className={buttonClass({ variant, size, block, iconOnly, className })}>
      {isPending ? <span className="spinner" aria-hidden="true" /> : null}
      {isPending && pendingLabel ? pendingLabel : children}
    </AriaButton>
  );
}

export interface ButtonLinkProps extends Omit<AriaLinkProps, 'className' | 'children'>, Look {
  children: ReactNode;
}

/** A link that looks like a button: in-app paths navigate without a reload, tel:/mailto: open as usual. */
export function ButtonLink({ variant, size, block, iconOnly, className, children, ...props }: ButtonLinkProps) {
  return (
    <AriaLink {...props} className={buttonClass({ variant, size, block, iconOnly, className })}>
      {children}
    </AriaLink>
  );
}
