import { useHref } from 'react-router';

/** `tel:`, `mailto:`, `https:` and protocol-relative addresses leave the app. */
export function isExternalHref(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/**
 * The href React Aria links render: app paths resolved by the router (relative ones against the
 * current page), external addresses untouched. The router alone would turn `tel:+351…` into
 * `/current/page/tel:+351…`.
 */
export function useAppHref(href: string): string {
  const resolved = useHref(href);
  return isExternalHref(href) ? href : resolved;
}
