import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '@/components/icon';

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
      <div className="notice__body">
        <div>{children}</div>
        {reference ? <div className="notice__reference">{t('errors.reference', { reference })}</div> : null}
      </div>
    </div>
  );
}
