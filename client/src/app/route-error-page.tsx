import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { Logo } from '@/components/logo';
import { useDocumentTitle } from '@/components/page-header';
import { ApiError } from '@/lib/api-error';

/** After a deploy, the chunks an open tab knows about are gone: a reload fetches the new ones. */
function isStaleChunk(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload/i.test(error.message);
}

/**
 * The error boundary. `inline` renders inside a shell (its navigation stays usable); otherwise it is a
 * whole page. It never shows a stack trace; a server reference is shown when there is one.
 */
export function RouteErrorPage({ error, inline = false }: { error: unknown; inline?: boolean }) {
  const { t } = useTranslation();
  // A screen's code that could not be fetched: without a signal that is the reason, not a new version.
  const chunk = isStaleChunk(error);
  const offline = chunk && !navigator.onLine;
  const stale = chunk && !offline;
  const title = offline ? t('errorPage.offlineTitle') : stale ? t('errorPage.updateTitle') : t('errorPage.title');
  useDocumentTitle(title);
  const reference = error instanceof ApiError ? error.correlationId : undefined;

  const body = (
    <div className="state stack gap-3 state--error" role="alert">
      <div className="icon-tile state__icon">
        <Icon name={stale || offline ? 'refresh' : 'alertCircle'} size={28} />
      </div>
      <h1 className="state__title">{title}</h1>
      <p className="state__text muted">{offline ? t('errorPage.offlineText') : stale ? t('errorPage.updateText') : t('errorPage.text')}</p>
      {reference ? <p className="notice__reference">{t('errorPage.reference', { reference })}</p> : null}
      <div className="state__actions">
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          <Icon name="refresh" size={18} />
          {t('errorPage.reload')}
        </button>
        <a className="btn btn--secondary" href="/">
          {t('errorPage.home')}
        </a>
      </div>
    </div>
  );

  if (inline) return body;
  return (
    <div className="page-center">
      <a href="/" className="logo-link">
        <Logo />
      </a>
      <main className="page-center__card card">{body}</main>
    </div>
  );
}
