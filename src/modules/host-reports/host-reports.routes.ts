import { HostReport } from '../../contracts/host-reports.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import type { HostReportsService } from './host-reports.service.js';

export function hostReportsRoutes(routes: Routes, { hostReports }: { hostReports: HostReportsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/report',
      summary: 'The host’s report of a completed turnover: time on site, checklist, photos by room, the linen order',
      description: 'Always as the job’s client sees it (staff get the same page the host gets).',
      tags: ['Turnovers'],
      access: ['master', 'admin', 'client'],
      params: IdParams,
      response: HostReport,
      errors: { 404: 'NOT_FOUND — no such job, or not the caller’s.', 409: 'REPORT_NOT_READY — the job is not completed.' },
    },
    ({ params, actor }) => hostReports.report(actor!, params.id),
  );
}
