import type { Role } from '@/features/auth/api/get-session';

/** Where each role's shell lives. Master and admin share the management shell. */
export const SHELL_BASE: Record<Role, string> = {
  master: '/admin',
  admin: '/admin',
  worker: '/worker',
  client: '/client',
};

export const homePath = (role: Role) => SHELL_BASE[role];
export const profilePath = (role: Role) => `${SHELL_BASE[role]}/profile`;

export function withNext(path: string, next: string | null | undefined): string {
  return next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** The sign-in page, remembering where to come back to. */
export const signInPath = (next?: string) => withNext('/', next);

/**
 * Where to go after signing in: the remembered page when it is an in-app path of this role's own
 * shell (never another origin: `//evil.example` and `/\evil` are refused), otherwise the role's home.
 */
export function safeNext(next: string | null | undefined, role: Role): string {
  const base = SHELL_BASE[role];
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return base;
  const path = next.split(/[?#]/)[0] ?? '';
  return path === base || path.startsWith(`${base}/`) ? next : base;
}
