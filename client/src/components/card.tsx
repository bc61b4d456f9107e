import type { ReactNode } from 'react';

/**
 * A titled block of a page: the card surface, its heading (level 2, naming the region), an optional lead
 * and header actions. Features put their own layout inside.
 */
export function Card({
  id,
  title,
  lead,
  actions,
  className,
  children,
}: {
  /** The heading's id, which names the region for assistive technology. */
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <div className="card__header">
        <h2 id={id} className="card__title">
          {title}
        </h2>
        {lead ? <p className="card__lead">{lead}</p> : null}
        {actions}
      </div>
      {children}
    </section>
  );
}
