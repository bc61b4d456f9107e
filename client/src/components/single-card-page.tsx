import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, type IconName } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { currentLocale, setLocale } from '@/lib/i18n';

/**
 * A page of one card on the tinted background, outside the shells (a password page, a 404): the logo
 * leading to the start above the card and, for someone not yet signed in, the language switch beside it;
 * under the card's content, a ruled-off footer (the way back). `homeLink={false}` where the start cannot be
 * reached yet (a password that must be changed first): the logo is then only the logo.
 */
export function SingleCardPage({ languages = false, homeLink = true, footer, children }: { languages?: boolean; homeLink?: boolean; footer?: ReactNode; children: ReactNode }) {
  return (
    <div className="page-center">
      <div className="page-center__top cluster cluster--spread gap-4">
        {homeLink ? (
          <Link to="/" className="logo-link">
            <Logo />
          </Link>
        ) : (
          <Logo />
        )}
        {languages ? <LanguageSwitcher value={currentLocale()} onChange={(locale) => void setLocale(locale)} /> : null}
      </div>
      <main className="page-center__card card" id="main">
        {children}
        {footer ? <div className="page-center__footer cluster justify-center">{footer}</div> : null}
      </main>
    </div>
  );
}

/** The top of a single card: its icon on a tile, the page's heading and what to do. */
export function SingleCardHeading({ icon, title, lead }: { icon: IconName; title: string; lead: string }) {
  return (
    <>
      <div className="icon-tile page-center__icon">
        <Icon name={icon} size={26} />
      </div>
      <h1 className="page-center__title">{title}</h1>
      <p className="page-center__lead muted">{lead}</p>
    </>
  );
}
