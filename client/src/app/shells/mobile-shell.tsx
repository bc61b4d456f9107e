import { lazy, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/app/shells/nav-strings';
import { Logo } from '@/components/logo';
import { PageLoader } from '@/components/states';
import { initials } from '@/lib/initials';
import type { ShellConfig } from '@/app/sections';
import { usePrincipal } from '@/features/auth/api/get-session';
import { NavItems, ShellLanguageSwitcher, SignOutButton, SkipLink, useRouteFocus } from '@/app/shells/shell-parts';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import './shell.css';

// Only a worker's phone has queued work to send in the background; a client's shell never loads it.
const WorkerBackground = lazy(() => import('@/app/shells/worker-background'));

/**
 * Workers and clients: phone-first. A bottom navigation within thumb reach on phones; on wider
 * screens the same items move into the top bar.
 */
export default function MobileShell({ shell }: { shell: ShellConfig }) {
  const { t: nav } = useTranslation('nav');
  const principal = usePrincipal();
  useRouteFocus();

  return (
    <div className={`mobile-shell mobile-shell--${shell.id}`}>
      <SkipLink />
      {shell.id === 'worker' ? (
        <Suspense fallback={null}>
          <WorkerBackground />
        </Suspense>
      ) : null}
      <header className="topbar mobile-shell__topbar">
        <div className="mobile-shell__bar">
          <Link to={shell.base} className="logo-link" aria-label={nav('home')}>
            <Logo />
          </Link>
          <nav className="mobile-shell__top-nav" aria-label={nav('main')}>
            <NavItems shell={shell} principal={principal} className="top-nav__list" />
          </nav>
          <div className="topbar__end mobile-shell__account">
            <NotificationBell />
            <ShellLanguageSwitcher />
            <span className="avatar mobile-shell__who" aria-hidden="true">
              {initials(principal.name)}
            </span>
            <SignOutButton compact />
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="mobile-shell__main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>

      <nav className="bottom-nav" aria-label={nav('main')}>
        <NavItems shell={shell} principal={principal} className="bottom-nav__list" phoneBar />
      </nav>
    </div>
  );
}
