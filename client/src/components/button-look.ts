export type ButtonVariant = 'primary' | 'secondary' | 'soft' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  iconOnly?: boolean;
  className?: string;
}

/** The house button classes, shared by React Aria's buttons and links and the native submit button. */
export function buttonClass({ variant = 'secondary', size = 'md', block, iconOnly, className }: ButtonLook): string {
  return ['btn', `btn--${variant}`, size !== 'md' && `btn--${size}`, block && 'btn--block', iconOnly && 'btn--icon', className]
    .filter(Boolean)
    .join(' ');
}
