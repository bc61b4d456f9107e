import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/app/shells/nav-strings';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { currentLocale } from '@/lib/i18n';
import { sectionHref, visibleSections, type ShellConfig } from '@/app/sections';
import { useSignOut } from '@/features/auth/api/logout';
import { useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey, type Principal } from '@/features/auth/api/get-session';
import { photoOwnerOf, unsentPhotoCount } from '@/features/photos/queue/photo-store';
import { initials } from '@/lib/initials';
import { useChangeLanguage } from '@/features/auth/use-change-language';
import { UnreadMessagesCount } from '@/features/conversations/components/unread-messages';
import { useRequestCounts } from '@/features/requests/api/get-request-counts';
// Every signed-in screen sits in a shell: the business-rule messages load with it.
import '@/locales/rule-errors';

/** How many client requests wait on staff, beside the menu's "Requests" (none shown at zero). */
function RequestsCount() {
  const { t: nav } = useTranslation('nav');
  const counts = useRequestCounts();
  const n = counts.data?.new ?? 0;
  if (n === 0) return null;
  return (
    <span className="nav-item__count" data-testid="nav-requests-count">
      <span aria-hidden="true">{n > 99 ? '99+' : n}</span>
      <span className="visually-hidden">{nav('requestsWaiting', { count: n })}</span>
    </span>
  );
}

/** The shell's navigation links, derived from its sections (aria-current marks the open page). */
export function NavItems({
  shell,
  principal,
  className,
  onNavigate,
  phoneBar = false,
}: {
  shell: ShellConfig;
  principal: Principal;
  className: string;
  onNavigate?: () => void;
  /** The phone's bottom bar: its own shorter selection and words (see `Section.phoneNav`). */
  phoneBar?: boolean;
}) {
  const { t: nav } = useTranslation('nav');
  const sections = visibleSections(shell, principal.role).filter((section) => !phoneBar || section.phoneNav !== false);
  return (
    <ul role="list" className={className}>
      {sections.map((section) => (
        <li key={section.path}>
          <NavLink to={sectionHref(shell, section)} end={section.path === ''} className="nav-item" onClick={onNavigate}>
            <Icon name={section.icon} size={22} />
            <span className="nav-item__label">{nav(phoneBar && section.phoneLabel ? section.phoneLabel : section.label)}</span>
            {section.badge === 'unreadMessages' ? <UnreadMessagesCount /> : null}
            {section.badge === 'requests' ? <RequestsCount /> : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function AccountSummary({ principal }: { principal: Principal }) {
  const { t } = useTranslation();
  return (
    <div className="account-summary">
      <span className="avatar" aria-hidden="true">
        {initials(principal.name)}
      </span>
      <span className="account-summary__text">
        <span className="account-summary__name">{principal.name}</span>
        <span className="account-summary__role text-xs">{t(`roles.${principal.role}`)}</span>
      </span>
    </div>
  );
}

export function ShellLanguageSwitcher({ tone }: { tone?: 'light' | 'dark' }) {
  const language = useChangeLanguage();
  return <LanguageSwitcher value={currentLocale()} onChange={language.change} tone={tone} />;
}

export function SignOutButton({ compact = false, className }: { compact?: boolean; className?: string }) {
  const { t: nav } = useTranslation('nav');
  const { signOut, isPending } = useSignOut();
  const queryClient = useQueryClient();
  const [unsent, setUnsent] = useState(0);
  // Signing out clears this device's storage, photo queue included: ask first when photos still wait.
  // The account is read when pressed, not subscribed to: the button renders on while the session empties.
  const askThenSignOut = async () => {
    const principal = queryClient.getQueryData<Principal | null>(sessionQueryKey);
    const waiting = principal ? await unsentPhotoCount(photoOwnerOf(principal)).catch(() => 0) : 0;
    if (waiting > 0) setUnsent(waiting);
    else void signOut();
  };
  return (
    <>
      <Button
        variant="ghost"
        size={compact ? 'md' : 'sm'}
        iconOnly={compact}
        className={className}
        isPending={isPending}
        onPress={() => void askThenSignOut()}
        aria-label={compact ? nav('signOut') : undefined}
      >
        <Icon name="logOut" size={compact ? 22 : 18} />
        {compact ? null : nav('signOut')}
      </Button>
      <ConfirmDialog
        isOpen={unsent > 0}
        onOpenChange={(open) => !open && setUnsent(0)}
        title={nav('unsentPhotosTitle')}
        confirmLabel={nav('signOutAnyway')}
        cancelLabel={nav('staySignedIn')}
        onConfirm={() => {
          setUnsent(0);
          void signOut();
        }}
      >
        {nav('unsentPhotos', { count: unsent })}
      </ConfirmDialog>
    </>
  );
}

/**
 * After an in-app navigation, focus moves to the new page's heading so screen readers announce it and
 * keyboard users start from the content (the first render keeps the browser's own focus).
 */
export function useRouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-title]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
