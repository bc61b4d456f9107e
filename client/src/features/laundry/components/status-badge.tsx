import { useTranslation } from 'react-i18next';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Icon, type IconName } from '@/components/icon';

const ICON: Record<LaundryStatusValue, IconName> = {
  received: 'basket',
  in_progress: 'washer',
  ready: 'checkCircle',
  collected: 'check',
  delivered: 'check',
  cancelled: 'close',
};

/** The order's status as a coloured pill with an icon, so it never relies on colour alone. */
export function StatusBadge({ status, size = 'md' }: { status: LaundryStatusValue; size?: 'md' | 'lg' }) {
  const { t } = useTranslation('laundry');
  return (
    <span className={`laundry-status laundry-status--${status}${size === 'lg' ? ' laundry-status--lg' : ''}`}>
      <Icon name={ICON[status]} size={size === 'lg' ? 18 : 14} />
      {t(`status.${status}`)}
    </span>
  );
}
