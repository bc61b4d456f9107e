import { SHELL_BASE } from '@/app/paths';
import type { Role } from '@/features/auth/api/get-session';

/** Where the ticket screens live in each staff shell, and where a ticket's linked order or job opens. */
export function ticketPaths(role: Role) {
  const base = SHELL_BASE[role];
  return {
    list: `${base}/tickets`,
    detail: (id: number) => `${base}/tickets/${id}`,
    order: (id: number) => `${base}/laundry/${id}`,
    job: (id: number) => `${base}/cleaning/${id}`,
  };
}

export const isManager = (role: Role) => role === 'master' || role === 'admin';
