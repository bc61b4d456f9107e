import type { ComponentPropsWithoutRef, ReactNode } from 'react';

type SectionProps = Omit<ComponentPropsWithoutRef<'section'>, 'id' | 'title' | 'aria-labelledby' | 'children'>;

/**
 * A titled block of a page: the card surface, its heading (level 2, naming the region), an optional lead
 * and header actions (set beside the heading, wrapping under it on a phone). Features put their own
 * layout inside; other section attributes (data-*, test ids) go on the section.
 *
 * `titleHidden` keeps the heading for assistive technology only (the card's content says what it is at a
 * glance, e.g. a row of status buttons): it takes no room, so a lead or actions are not shown with it.
 * `titleClassName` adds a feature's class to the heading (a smaller section title, say).
 */
export function Card({
  id,
  title,
  titleHidden = false,
  titleClassName,
  lead,
  actions,
  className,
  children,
  ...section
}: SectionProps & {
  /** The heading's id, which names the region for assistive technology. */
  id: string;
  title: ReactNode;
  titleHidden?: boolean;
  titleClassName?: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const titleClass = titleHidden ? 'visually-hidden' : titleClassName ? `card__title ${titleClassName}` : 'card__title';
  const titleElement = (
    <h2 id={id} className={titleClass}>
      {title}
    </h2>
  );
  const heading = (
    <>
      {titleElement}
      {lead ? <p className="card__lead muted text-sm">{lead}</p> : null}
    </>
  );
  return (
    <section {...section} className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      {titleHidden ? (
        titleElement
      ) : actions ? (
        <div className="card__header card__header--row">
          <div className="stack gap-1">{heading}</div>
          {actions}
        </div>
      ) : (
        <div className="card__header stack gap-1">{heading}</div>
      )}
      {children}
    </section>
  );
}
