import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/app/shells/nav-strings';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { Logo } from '@/components/logo';
import { PageLoader } from '@/components/states';
import { initials } from '@/lib/initials';
import type { ShellConfig } from '@/app/sections';
import { usePrincipal, type Principal } from '@/features/auth/api/get-session';
import { AccountSummary, NavItems, ShellLanguageSwitcher, SignOutButton, SkipLink, useRouteFocus } from '@/app/shells/shell-parts';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import './shell.css';

function SidebarContent({ shell, principal, onNavigate }: { shell: ShellConfig; principal: Principal; onNavigate?: () => void }) {
  const { t: nav } = useTranslation('nav');
  return (
    <>
      <div className="sidebar__brand">
        <Logo inverted />
        {/* In the drawer the close button sits here; phones have the bell in the top bar. */}
        {onNavigate ? null : <NotificationBell />}
      </div>
      <nav className="sidebar__nav" aria-label={nav('main')}>
        <NavItems shell={shell} principal={principal} className="stack gap-1" onNavigate={onNavigate} />
      </nav>
      <div className="sidebar__footer stack gap-3">
        <ShellLanguageSwitcher tone="dark" />
        <AccountSummary principal={principal} />
        <SignOutButton className="sidebar__sign-out" />
      </div>
    </>
  );
}

/** Master and admin: a sidebar on wide screens, a top bar with a drawer on phones. */
export default function StaffShell({ shell }: { shell: ShellConfig }) {
  const { t: nav } = useTranslation('nav');
  const principal = usePrincipal();
  const [drawerOpen, setDrawerOpen] = useState(false);
  useRouteFocus();

  return (
    <div className="staff-shell">
      <SkipLink />
      <aside className="sidebar staff-shell__sidebar">
        <SidebarContent shell={shell} principal={principal} />
      </aside>

      <header className="topbar staff-shell__topbar">
        <Button variant="ghost" iconOnly aria-label={nav('openMenu')} onPress={() => setDrawerOpen(true)} className="topbar__menu">
          <Icon name="menu" size={24} />
        </Button>
        <Logo />
        <div className="topbar__end">
          <NotificationBell />
          <span className="avatar topbar__avatar" aria-hidden="true">
            {initials(principal.name)}
          </span>
        </div>
      </header>

      <ModalOverlay isOpen={drawerOpen} onOpenChange={setDrawerOpen} isDismissable className="modal-overlay drawer-overlay">
        <Modal className="drawer">
          <Dialog aria-label={nav('menu')} className="drawer__dialog sidebar">
            <Button variant="ghost" iconOnly aria-label={nav('closeMenu')} onPress={() => setDrawerOpen(false)} className="drawer__close">
              <Icon name="close" size={22} />
            </Button>
            <SidebarContent shell={shell} principal={principal} onNavigate={() => setDrawerOpen(false)} />
          </Dialog>
        </Modal>
      </ModalOverlay>

      <main id="main" tabIndex={-1}>
        <div className="staff-shell__content">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
