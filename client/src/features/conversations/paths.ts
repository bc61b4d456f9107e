import { SHELL_BASE } from '@/app/paths';
import type { Role } from '@/features/auth/api/get-session';
import type { ThreadSubject } from './api/keys';

const PAGE_OF: Record<ThreadSubject, string> = { laundry_order: 'laundry', cleaning_job: 'cleaning', request: 'requests' };

/** The page that holds a conversation, in the reader's own area (where its thread panel is). */
export const subjectHref = (role: Role, subject: ThreadSubject, id: number) => `${SHELL_BASE[role]}/${PAGE_OF[subject]}/${id}`;

/** The inbox of the reader's area. */
export const inboxHref = (role: Role) => `${SHELL_BASE[role]}/messages`;
