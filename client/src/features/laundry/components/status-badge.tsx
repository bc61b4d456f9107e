import { useTranslation } from 'react-i18next';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Icon, type IconName } from '@/components/icon';
import '@/components/kit.css';

const ICON: Record<LaundryStatusValue, IconName> = {
  received: 'basket',
  in_progress: 'washer',
  ready: 'checkCircle',
  collected: 'check',
  delivered: 'check',
  cancelled: 'close',
};

const TONE: Record<LaundryStatusValue, string> = {
  received: ' badge--info',
  in_progress: ' badge--warning',
  ready: ' badge--success',
  collected: '',
  delivered: '',
  cancelled: ' badge--danger',
};

/** The order's status as a coloured pill with an icon, so it never relies on colour alone. */
export function StatusBadge({ status, size = 'md' }: { status: LaundryStatusValue; size?: 'md' | 'lg' }) {
  const { t } = useTranslation('laundry');
  return (
    <span className={`badge${TONE[status]}${size === 'lg' ? ' badge--lg' : ''}`}>
      <Icon name={ICON[status]} size={size === 'lg' ? 18 : 14} />
      {t(`status.${status}`)}
    </span>
  );
}
