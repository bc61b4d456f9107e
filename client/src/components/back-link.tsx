import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from './icon';
import './kit.css';

/** The way back from a record or a form to where it was opened from: one look and one touch target on every page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      <Icon name="chevronLeft" size={16} />
      {children}
    </Link>
  );
}
