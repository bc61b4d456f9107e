import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '@/components/button';
import { Icon, type IconName } from '@/components/icon';
import { ApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';

/** The shells' home addresses (kept here so the kit does not depend on the app's routing). */
const SHELL_HOMES = ['/admin', '/worker', '/client'];

/** Where "back to the start" leads from the current address: the shell's home, or the landing page. */
function useHomeHref(): string {
  const { pathname } = useLocation();
  return SHELL_HOMES.find((base) => pathname === base || pathname.startsWith(`${base}/`)) ?? '/';
}

/** A whole-area spinner with a spoken label; used while a page or its data loads. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-loader stack gap-3 muted text-sm" role="status" aria-live="polite">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

/** Nothing to show yet: says so plainly and, when useful, offers the next step. */
export function EmptyState({
  icon = 'info',
  title,
  children,
  actions,
  bordered = true,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  bordered?: boolean;
}) {
  return (
    <div className={`state stack gap-3${bordered ? ' state--bordered' : ''}`}>
      <div className="icon-tile state__icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="state__title">{title}</h2>
      {children ? <p className="state__text muted">{children}</p> : null}
      {actions ? <div className="state__actions cluster justify-center">{actions}</div> : null}
    </div>
  );
}

/**
 * Something that does not exist (or is not this person's to see): says so, with the way home and no
 * retry, since asking again gives the same answer. `asPageTitle` when it is the whole page.
 */
export function NotFoundState({ home, asPageTitle = false }: { home?: string; asPageTitle?: boolean }) {
  const { t } = useTranslation();
  const fallbackHome = useHomeHref();
  const Heading = asPageTitle ? 'h1' : 'h2';
  return (
    <div className="state stack gap-3 not-found">
      <div className="icon-tile state__icon">
        <Icon name="compass" size={28} />
      </div>
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <Heading className="state__title" {...(asPageTitle ? { tabIndex: -1, 'data-page-title': '' } : {})}>
        {t('notFound.title')}
      </Heading>
      <p className="state__text muted">{t('notFound.text')}</p>
      <div className="state__actions cluster justify-center">
        <ButtonLink href={home ?? fallbackHome} variant="primary">
          <Icon name="home" size={18} />
          {t('notFound.home')}
        </ButtonLink>
      </div>
    </div>
  );
}

/** A failed load: the translated reason, the reference to quote, and a retry. A 404 is a not-found page instead. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundState asPageTitle={!title} />;
  return <LoadErrorState error={error} onRetry={onRetry} title={title} />;
}

function LoadErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { message, reference } = describe(error);
  return (
    <div className="state stack gap-3 state--error" role="alert">
      <div className="icon-tile state__icon">
        <Icon name="alertCircle" size={28} />
      </div>
      <h2 className="state__title">{title ?? t('states.errorTitle')}</h2>
      <p className="state__text muted">{message}</p>
      {reference ? <p className="notice__reference">{t('errors.reference', { reference })}</p> : null}
      {onRetry ? (
        <div className="state__actions cluster justify-center">
          <Button variant="primary" onPress={onRetry}>
            <Icon name="refresh" size={18} />
            {t('states.retry')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export type QueryLike = { isPending: boolean; isSuccess: boolean; error: unknown; refetch: () => unknown };

/** What a query shows until its data is there: the loader while it loads, the failure (with a retry) after it failed. */
export function QueryFallback({ query, title }: { query: QueryLike; title?: string }) {
  if (query.isSuccess) return null;
  if (query.isPending) return <PageLoader />;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} title={title} />;
}

/** The empty state a list shows when its query answered with nothing: EmptyState's props, its text as `text`. */
export type EmptyContent = { icon?: IconName; title: string; text?: ReactNode; actions?: ReactNode; bordered?: boolean };

/** A list (an array, or a page of `items`) with nothing in it. */
function isEmptyList(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * A query's three states in one place: QueryFallback until the data is there, then `empty` when the data is an
 * empty list (or `isEmpty` says so), else `children` with the data.
 */
export function QueryView<T>({
  query,
  title,
  empty,
  isEmpty = isEmptyList,
  children,
}: {
  query: QueryLike & { data: T | undefined };
  title?: string;
  empty?: EmptyContent;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (!query.isSuccess || query.data === undefined) return <QueryFallback query={query} title={title} />;
  if (empty && isEmpty(query.data)) {
    const { text, ...state } = empty;
    return <EmptyState {...state}>{text}</EmptyState>;
  }
  return children(query.data);
}
