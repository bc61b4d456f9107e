import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/plus-jakarta-sans/wght.css';
import '@/styles/tokens.css';
import '@/styles/base.css';
import '@/styles/components.css';
import '@/styles/cards.css';
import '@/styles/states.css';
import '@/styles/page-layout.css';
import '@/styles/data-table.css';
import '@/styles/detail.css';
import { ErrorBoundary } from '@/app/error-boundary';
import { safeNext, withNext } from '@/app/paths';
import type * as AppModule from '@/app/app';
import type { Principal } from '@/features/auth/api/get-session';
import { LandingPage } from '@/features/landing/pages/landing-page';
import { loadBusiness } from '@/lib/business';
import { initI18n } from '@/lib/i18n';
import { sessionHint } from '@/lib/session-hint';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);

/*
 * A visitor's first load is the landing page and its sign-in panel alone: React, the strings and the
 * page (scripts/bundle-size.mjs holds it to 120 kB). The app — router, query cache, shells, every
 * other page — is fetched when the visitor goes past it (signs in, opens another page), or at once
 * for any other address and for a browser that signed in before (it is taken to its area).
 */
let app: Promise<typeof AppModule> | undefined;
const loadApp = () =>
  (app ??= import('@/app/app').catch((error: unknown) => {
    app = undefined;
    throw error;
  }));

/** Renders the app at `to` (the current address when omitted), with the account just signed in. */
async function startApp({ to, principal, replace = false }: { to?: string; principal?: Principal; replace?: boolean } = {}) {
  const { App, startSignedIn } = await loadApp();
  if (principal) startSignedIn(principal);
  if (to !== undefined) {
    if (replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** Where the account just signed in goes: the page it was sent from, or its home (after a forced password change). */
function afterSignIn(principal: Principal): string {
  const target = safeNext(new URLSearchParams(window.location.search).get('next'), principal.role);
  return principal.mustChangePassword ? withNext('/change-password', target) : target;
}

/** A render error on the landing page: the app takes over and shows its error page. */
function HandOver() {
  useEffect(() => void startApp(), []);
  return null;
}

function renderLanding() {
  // The app is fetched ahead as soon as the visitor starts on the sign-in form.
  document.addEventListener('focusin', () => void loadApp().catch(() => undefined), { once: true });
  root.render(
    <StrictMode>
      <ErrorBoundary fallback={() => <HandOver />}>
        <LandingPage
          onSignedIn={(principal) => startApp({ to: afterSignIn(principal), principal, replace: true })}
          navigate={(to) => void startApp({ to })}
        />
      </ErrorBoundary>
    </StrictMode>,
  );
}

// The business's name, contact details and logo (landing page, titles, brand), alongside the strings.
void loadBusiness();
const landing = window.location.pathname === '/' && !sessionHint.get();
// Any other address needs the app: its download starts alongside the strings' set-up.
if (!landing) void loadApp().catch(() => undefined);
void initI18n().then(() => (landing ? renderLanding() : startApp()));
