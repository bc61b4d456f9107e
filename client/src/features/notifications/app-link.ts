import { SHELL_BASE } from '@/app/paths';
import type { Role } from '@/features/auth/api/get-session';

/**
 * The server links into the app generically (`/app/laundry/12`); each role's area has its own base
 * (`/admin`, `/worker`, `/client`). Other in-app paths are kept; anything else (another origin) is dropped.
 */
export function appLink(link: string | null, role: Role): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  if (link === '/app' || link.startsWith('/app/')) return `${SHELL_BASE[role]}${link.slice(4)}`;
  return link;
}
