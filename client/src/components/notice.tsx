import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '@/components/icon';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const ICONS: Record<Tone, IconName> = { info: 'info', success: 'checkCircle', warning: 'alertCircle', danger: 'alertCircle' };

/**
 * An inline message. Danger notices are alerts (announced at once); the rest are polite status updates.
 * `reference` is a correlation id the user can quote to support.
 */
export function Notice({ tone = 'info', children, reference, id }: { tone?: Tone; children: ReactNode; reference?: string; id?: string }) {
  const { t } = useTranslation();
  return (
    <div id={id} className={`notice notice--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <Icon name={ICONS[tone]} size={18} />
      <div className="stack gap-1">
        <div>{children}</div>
        {reference ? <div className="notice__reference">{t('errors.reference', { reference })}</div> : null}
      </div>
    </div>
  );
}

/**
 * A failure as a danger notice in the current language, with the reference to quote when only the server
 * can explain it; nothing while there is no error. Forms and panels show their last failure with it.
 * `messages` says what this screen means by some API codes (e.g. a version conflict: "reload to see …");
 * `id` lets a control point at the notice with aria-describedby.
 */
export function ErrorNotice({ error, messages, id }: { error: unknown; messages?: Partial<Record<string, string>>; id?: string }) {
  const describe = useDescribeError();
  if (!error) return null;
  const own = isApiError(error) ? messages?.[error.code] : undefined;
  const failure = own ? { message: own, reference: undefined } : describe(error);
  return (
    <Notice id={id} tone="danger" reference={failure.reference}>
      {failure.message}
    </Notice>
  );
}
