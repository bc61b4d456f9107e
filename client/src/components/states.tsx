import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon, type IconName } from '@/components/icon';
import { useDescribeError } from '@/lib/error-message';

/** A whole-area spinner with a spoken label; used while a page or its data loads. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-loader" role="status" aria-live="polite">
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
    <div className={`state${bordered ? ' state--bordered' : ''}`}>
      <div className="state__icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="state__title">{title}</h2>
      {children ? <p className="state__text">{children}</p> : null}
      {actions ? <div className="state__actions">{actions}</div> : null}
    </div>
  );
}

/** A failed load: the translated reason, the reference to quote, and a retry. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { message, reference } = describe(error);
  return (
    <div className="state state--error" role="alert">
      <div className="state__icon">
        <Icon name="alertCircle" size={28} />
      </div>
      <h2 className="state__title">{title ?? t('states.errorTitle')}</h2>
      <p className="state__text">{message}</p>
      {reference ? <p className="notice__reference">{t('errors.reference', { reference })}</p> : null}
      {onRetry ? (
        <div className="state__actions">
          <Button variant="primary" onPress={onRetry}>
            <Icon name="refresh" size={18} />
            {t('states.retry')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
