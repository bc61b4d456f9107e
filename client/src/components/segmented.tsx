import { useId, type ReactNode } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  content: ReactNode;
  /** The option's accessible name when its content is not enough (e.g. "PT" read as "Português"). */
  label?: string;
}

/**
 * A few mutually exclusive options side by side: native radio buttons (one tab stop, arrow keys move
 * and select, the label is the touch target), styled by `look` — `segmented` (language) or
 * `account-switch` (sign-in); `className` adds a feature's placement to the look's own class. Part of the
 * landing page's first load, so no accessibility library.
 */
export function Segmented<T extends string>({
  label,
  value,
  onChange,
  options,
  look,
  className,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly SegmentedOption<T>[];
  look: 'segmented' | 'account-switch';
  className?: string;
}) {
  const name = useId();
  const items = options.map((option) => (
    <label key={option.value} className={`${look}__option focus-ring-within`} data-selected={option.value === value ? '' : undefined}>
      <input
        type="radio"
        className="visually-hidden"
        name={name}
        value={option.value}
        checked={option.value === value}
        onChange={() => onChange(option.value)}
        aria-label={option.label}
      />
      {option.content}
    </label>
  ));
  return (
    <div role="radiogroup" aria-label={label} className={className ? `${look} ${className}` : look}>
      {look === 'segmented' ? <div className="segmented__options">{items}</div> : items}
    </div>
  );
}
