import { Dashboard } from '../../contracts/dashboard.js';
import { route, type Routes } from '../../http/endpoint.js';
import type { DashboardService } from './dashboard.service.js';

export function dashboardRoutes(routes: Routes, { dashboard }: { dashboard: DashboardService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/dashboard',
      summary: 'The home dashboard of whoever asks (finance, worker or client view)',
      description:
        'master/admin get `view: finance` (revenue on the accrual date, money received on the payment date, the unpaid list); ' +
        'a worker gets `view: worker` (their jobs and the laundry queue, no money); a client gets `view: client` (their own orders, ' +
        'jobs and unread notifications). Days and months are Lisbon calendar ones.',
      tags: ['Dashboard'],
      access: ['master', 'admin', 'worker', 'client'],
      response: Dashboard,
    },
    ({ actor }) => dashboard.forActor(actor!),
  );
}
