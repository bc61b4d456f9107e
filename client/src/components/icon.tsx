import type { SVGProps } from 'react';
import type { MORE_ICON_PATHS } from '@/components/icon-set';

/**
 * Outline icons on a 24-unit grid, drawn for this app. Decorative by default (aria-hidden).
 *
 * Only the icons of the first load (landing page, sign-in, error and empty states) live here; the
 * rest are in `icon-set.ts`, registered by every lazily loaded page and shell before it renders (see
 * `lazyPage` in the router), so the landing page's JavaScript does not grow with each new screen.
 */
const FIRST_LOAD_PATHS = {
  phone: ['M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z'],
  mail: ['M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z', 'M3.5 7.5 12 13l8.5-5.5'],
  mapPin: ['M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z', 'M12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  checkCircle: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M8 12.5l2.8 2.8L16 9.8'],
  alertCircle: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7.5v5.5', 'M12 16.5h.01'],
  info: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 11v5.5', 'M12 7.5h.01'],
  eye: ['M2.5 12S6 5 12 5s9.5 7 9.5 7-3.5 7-9.5 7S2.5 12 2.5 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  eyeOff: [
    'M3 3l18 18',
    'M10.6 5.1A9.8 9.8 0 0 1 12 5c6 0 9.5 7 9.5 7a17 17 0 0 1-2.9 3.7',
    'M6.6 6.6C4 8.3 2.5 12 2.5 12S6 19 12 19a9.6 9.6 0 0 0 5.4-1.6',
    'M9.9 9.9a3 3 0 0 0 4.2 4.2',
  ],
  sparkles: [
    'M11 3l1.6 4.4L17 9l-4.4 1.6L11 15l-1.6-4.4L5 9l4.4-1.6z',
    'M18.5 14l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z',
    'M6 16.5l.5 1.3 1.3.5-1.3.5L6 20.1l-.5-1.3-1.3-.5 1.3-.5z',
  ],
  users: [
    'M9 11.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
    'M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6',
    'M16 4.6a3.5 3.5 0 0 1 0 6.8',
    'M18 14.3c2 .8 3.5 2.8 3.5 5.7',
  ],
  washer: ['M6 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', 'M12 17.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9z', 'M7.5 6h.01M10.5 6h.01'],
  arrowRight: ['M5 12h14M13 6l6 6-6 6'],
  lock: ['M7 10.5h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z', 'M8 10.5v-3a4 4 0 0 1 8 0v3'],
  refresh: ['M20 11a8 8 0 0 0-14.3-4.9L4 8', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.3 4.9L20 16', 'M20 20v-4h-4'],
} as const;

export type IconName = keyof typeof FIRST_LOAD_PATHS | keyof typeof MORE_ICON_PATHS;

const registry: Partial<Record<IconName, readonly string[]>> = { ...FIRST_LOAD_PATHS };

/** Adds icons to the set `Icon` draws from (called once by `icon-set.ts` when its chunk loads). */
export function registerIcons(paths: Partial<Record<IconName, readonly string[]>>): void {
  Object.assign(registry, paths);
}

export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'name'> {
  name: IconName;
  size?: number;
  /** Gives the icon a name for assistive technology; without it the icon is hidden from them. */
  label?: string;
}

export function Icon({ name, size = 20, label, className, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className ? `icon ${className}` : 'icon'}
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
      focusable="false"
      {...rest}
    >
      {(registry[name] ?? []).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
