import type { ComponentType } from 'react';
import type { IconName } from '@/components/icon';
import type { Role } from '@/features/auth/api/get-session';
import type { navEn } from '@/app/shells/nav-strings';
import { SHELL_BASE } from '@/app/paths';

export interface Section {
  /** Path under the shell's base; '' is the shell's home. */
  path: string;
  label: keyof typeof navEn;
  icon: IconName;
  /** Only these roles see the item and may open the page (others get the not-found page). */
  roles?: Role[];
  /** `false` for a route that is not a navigation item (a detail page such as `laundry/:id`). */
  nav?: false;
  /**
   * The phone's bottom bar holds six items at most (a seventh squeezes the words together at 390 px):
   * `false` keeps an item out of it (still in the wide top bar; reached from another page on a phone),
   * and `phoneLabel` gives a shorter word for it there.
   */
  phoneNav?: false;
  phoneLabel?: keyof typeof navEn;
  /** A count shown beside the item (the unread messages, the requests waiting on staff). */
  badge?: 'unreadMessages' | 'requests';
  /** The page module, loaded only when the page is first opened (its own chunk). */
  page: () => Promise<{ default: ComponentType }>;
}

export interface ShellConfig {
  id: 'staff' | 'worker' | 'client';
  base: string;
  roles: Role[];
  layout: () => Promise<{ default: ComponentType<{ shell: ShellConfig }> }>;
  sections: Section[];
}

/** A short-let property's page: staff and the owning client open the same one. */
const propertyPage = () => import('@/features/turnovers/pages/property-page');
/** A turnover's report: the client's and staff's page are one. */
const reportPage = () => import('@/features/turnovers/pages/report-page');

/*
 * The navigation of every shell. Adding a screen to a role is one line here (plus its label in the
 * locale files): the nav item and its lazily loaded route are both derived from it.
 */
export const SHELLS: ShellConfig[] = [
  {
    id: 'staff',
    base: SHELL_BASE.admin,
    roles: ['master', 'admin'],
    layout: () => import('@/app/shells/staff-shell'),
    sections: [
      { path: '', label: 'home', icon: 'home', page: () => import('@/features/home/pages/staff-home-page') },
      { path: 'laundry', label: 'laundry', icon: 'basket', page: () => import('@/features/laundry/pages/staff-orders-page') },
      { path: 'laundry/new', label: 'laundry', icon: 'basket', nav: false, page: () => import('@/features/laundry/pages/new-order-page') },
      { path: 'laundry/counter', label: 'counter', icon: 'basket', nav: false, page: () => import('@/features/laundry/pages/counter-page') },
      { path: 'laundry/:id', label: 'laundry', icon: 'basket', nav: false, page: () => import('@/features/laundry/pages/staff-order-page') },
      { path: 'scan', label: 'scan', icon: 'scan', page: () => import('@/features/laundry/pages/scan-page') },
      { path: 'racks', label: 'racks', icon: 'grid', page: () => import('@/features/laundry/pages/rack-board-page') },
      { path: 'laundry-services', label: 'laundryServices', icon: 'shirt', page: () => import('@/features/laundry/pages/catalogue-page') },
      { path: 'cleaning', label: 'cleaning', icon: 'sparkles', page: () => import('@/features/cleaning/pages/staff-jobs-page') },
      { path: 'cleaning/new', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/cleaning/pages/staff-job-new-page') },
      { path: 'cleaning/:id', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/cleaning/pages/staff-job-detail-page') },
      { path: 'cleaning/:id/edit', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/cleaning/pages/staff-job-edit-page') },
      { path: 'cleaning/:id/report', label: 'cleaning', icon: 'sparkles', nav: false, page: reportPage },
      { path: 'turnovers', label: 'turnovers', icon: 'calendar', page: () => import('@/features/turnovers/pages/turnovers-week-page') },
      { path: 'checklists', label: 'checklists', icon: 'checkCircle', page: () => import('@/features/turnovers/pages/templates-page') },
      { path: 'checklists/:id', label: 'checklists', icon: 'checkCircle', nav: false, page: () => import('@/features/turnovers/pages/template-page') },
      { path: 'clients', label: 'clients', icon: 'users', page: () => import('@/features/clients/pages/clients-page') },
      { path: 'clients/:id', label: 'clients', icon: 'users', nav: false, page: () => import('@/features/clients/pages/client-detail-page') },
      { path: 'properties/:id', label: 'clients', icon: 'users', nav: false, page: propertyPage },
      { path: 'payments', label: 'payments', icon: 'wallet', page: () => import('@/features/payments/pages/payments-page') },
      { path: 'reports', label: 'reports', icon: 'chart', page: () => import('@/features/reports/pages/reports-page') },
      { path: 'requests', label: 'requests', icon: 'bell', badge: 'requests', page: () => import('@/features/requests/pages/staff-requests-page') },
      { path: 'requests/:id', label: 'requests', icon: 'bell', nav: false, page: () => import('@/features/requests/pages/request-page') },
      { path: 'tickets', label: 'tickets', icon: 'ticket', page: () => import('@/features/tickets/pages/staff-tickets-page') },
      { path: 'tickets/:id', label: 'tickets', icon: 'ticket', nav: false, page: () => import('@/features/tickets/pages/ticket-page') },
      { path: 'messages', label: 'messages', icon: 'message', badge: 'unreadMessages', page: () => import('@/features/conversations/pages/inbox-page') },
      { path: 'users', label: 'users', icon: 'building', page: () => import('@/features/users/pages/users-page') },
      { path: 'settings', label: 'settings', icon: 'sliders', page: () => import('@/features/settings/pages/settings-page') },
      { path: 'audit', label: 'audit', icon: 'history', page: () => import('@/features/audit/pages/audit-page') },
      { path: 'imports', label: 'imports', icon: 'upload', page: () => import('@/features/imports/pages/imports-page') },
      { path: 'profile', label: 'profile', icon: 'user', page: () => import('@/features/auth/pages/profile-page') },
    ],
  },
  {
    id: 'worker',
    base: SHELL_BASE.worker,
    roles: ['worker'],
    layout: () => import('@/app/shells/mobile-shell'),
    sections: [
      { path: '', label: 'home', icon: 'home', page: () => import('@/features/home/pages/worker-home-page') },
      { path: 'laundry', label: 'laundry', icon: 'washer', page: () => import('@/features/laundry/pages/worker-queue-page') },
      { path: 'laundry/:id', label: 'laundry', icon: 'washer', nav: false, page: () => import('@/features/laundry/pages/worker-order-page') },
      { path: 'scan', label: 'scan', icon: 'scan', page: () => import('@/features/laundry/pages/scan-page') },
      { path: 'cleaning', label: 'cleaning', icon: 'sparkles', page: () => import('@/features/cleaning/pages/worker-today-page') },
      { path: 'cleaning/:id', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/cleaning/pages/worker-job-page') },
      { path: 'tickets', label: 'tickets', icon: 'ticket', page: () => import('@/features/tickets/pages/worker-tickets-page') },
      { path: 'tickets/:id', label: 'tickets', icon: 'ticket', nav: false, page: () => import('@/features/tickets/pages/ticket-page') },
      { path: 'profile', label: 'profile', icon: 'user', page: () => import('@/features/auth/pages/profile-page') },
    ],
  },
  {
    id: 'client',
    base: SHELL_BASE.client,
    roles: ['client'],
    layout: () => import('@/app/shells/mobile-shell'),
    sections: [
      { path: '', label: 'home', icon: 'home', page: () => import('@/features/home/pages/client-home-page') },
      { path: 'laundry', label: 'laundry', icon: 'basket', page: () => import('@/features/laundry/pages/client-orders-page') },
      { path: 'laundry/:id', label: 'laundry', icon: 'basket', nav: false, page: () => import('@/features/laundry/pages/client-order-page') },
      { path: 'cleaning', label: 'cleaning', icon: 'sparkles', page: () => import('@/features/cleaning/pages/client-jobs-page') },
      { path: 'cleaning/:id', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/cleaning/pages/client-job-page') },
      { path: 'reports', label: 'cleaning', icon: 'sparkles', nav: false, page: () => import('@/features/turnovers/pages/client-reports-page') },
      { path: 'reports/:id', label: 'cleaning', icon: 'sparkles', nav: false, page: reportPage },
      { path: 'properties/:id', label: 'cleaning', icon: 'sparkles', nav: false, page: propertyPage },
      { path: 'requests', label: 'requests', icon: 'calendar', page: () => import('@/features/requests/pages/client-requests-page') },
      { path: 'requests/new', label: 'requests', icon: 'calendar', nav: false, page: () => import('@/features/requests/pages/new-request-page') },
      { path: 'requests/:id', label: 'requests', icon: 'calendar', nav: false, page: () => import('@/features/requests/pages/request-page') },
      { path: 'account', label: 'myAccount', phoneLabel: 'account', icon: 'wallet', page: () => import('@/features/accounts/pages/my-account-page') },
      { path: 'messages', label: 'messages', icon: 'message', badge: 'unreadMessages', page: () => import('@/features/conversations/pages/inbox-page') },
      { path: 'profile', label: 'profile', icon: 'user', phoneNav: false, page: () => import('@/features/account/pages/client-profile-page') },
    ],
  },
];

export function visibleSections(shell: ShellConfig, role: Role): Section[] {
  return shell.sections.filter((section) => section.nav !== false && (!section.roles || section.roles.includes(role)));
}

export function sectionHref(shell: ShellConfig, section: Section): string {
  return section.path ? `${shell.base}/${section.path}` : shell.base;
}
