import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusiness } from '@/lib/business';

/**
 * The brand: the business's uploaded logo or the built-in mark (a machine door with a wave) and, unless
 * `markOnly`, its name (Settings → Business; the app's own name until it is known).
 */
export function Logo({ markOnly = false, size = 36, inverted = false }: { markOnly?: boolean; size?: number; inverted?: boolean }) {
  const { t } = useTranslation();
  const gradient = useId();
  const business = useBusiness();
  return (
    <span className={`logo${inverted ? ' logo--inverted' : ''}`}>
      {business?.logoUrl ? (
        <img src={business.logoUrl} alt="" width={size} height={size} className="logo__mark logo__image" />
      ) : (
        <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false" className="logo__mark">
          <defs>
            <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
              <stop offset="0" stopColor="#2f6fe0" />
              <stop offset="1" stopColor="#163d8c" />
            </linearGradient>
          </defs>
          <rect width="40" height="40" rx="11" fill={`url(#${gradient})`} />
          <circle cx="20" cy="21" r="11" fill="none" stroke="#fff" strokeWidth="2.6" />
          <path d="M12.2 23.2c2.6-2.2 5.1-2.2 7.8 0s5.2 2.2 7.8 0" fill="none" stroke="#9fd8f5" strokeWidth="2.6" strokeLinecap="round" />
          <circle cx="30.5" cy="8.5" r="2.2" fill="#f6c453" />
        </svg>
      )}
      {markOnly ? null : <span className="logo__word">{business?.name ?? t('app.name')}</span>}
    </span>
  );
}
