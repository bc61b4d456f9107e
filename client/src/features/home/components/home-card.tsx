import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, type IconName } from '@/components/icon';
import '@/components/kit.css';

/** A card of a role's home: its heading (with an icon and, say, a count) and, at the foot, the way to the full list. */
export function HomeCard({
  id,
  title,
  icon,
  testId,
  more,
  children,
}: {
  id: string;
  title: ReactNode;
  icon?: IconName;
  testId?: string;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section className="card home-card stack gap-4" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="card__title">
        {icon ? <Icon name={icon} size={20} /> : null}
        {title}
      </h2>
      {children}
      {more ? (
        <Link to={more.to} className="back-link">
          {more.label}
          <Icon name="arrowRight" size={16} />
        </Link>
      ) : null}
    </section>
  );
}

export interface HomeListItem {
  key: number;
  to: string;
  title: ReactNode;
  titleClassName?: string;
  sub?: ReactNode;
  subClassName?: string;
  badge?: ReactNode;
}

/** A short list of links on a home card, or what to say when there is nothing. */
export function HomeLinkList({ items, empty }: { items: HomeListItem[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul role="list" className="home-list">
      {items.map((item) => (
        <li key={item.key}>
          <Link to={item.to} className="home-list__item">
            <span className="home-list__main stack gap-0-5">
              <span className={`home-list__title strong${item.titleClassName ? ` ${item.titleClassName}` : ''}`}>{item.title}</span>
              {item.sub ? <span className={`muted text-sm${item.subClassName ? ` ${item.subClassName}` : ''}`}>{item.sub}</span> : null}
            </span>
            {item.badge}
            <Icon name="chevronRight" size={18} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
