import type { ComponentPropsWithoutRef, ReactNode } from 'react';

type SectionProps = Omit<ComponentPropsWithoutRef<'section'>, 'id' | 'title' | 'aria-labelledby' | 'children'>;

/**
 * A titled block of a page: the card surface, its heading (level 2, naming the region), an optional lead
 * and header actions (set beside the heading, wrapping under it on a phone). Features put their own
 * layout inside; other section attributes (data-*, test ids) go on the section.
 */
export function Card({
  id,
  title,
  lead,
  actions,
  className,
  children,
  ...section
}: SectionProps & {
  /** The heading's id, which names the region for assistive technology. */
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const heading = (
    <>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {lead ? <p className="card__lead">{lead}</p> : null}
    </>
  );
  return (
    <section {...section} className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      {actions ? (
        <div className="card__header card__header--row">
          <div className="stack gap-1">{heading}</div>
          {actions}
        </div>
      ) : (
        <div className="card__header">{heading}</div>
      )}
      {children}
    </section>
  );
}
