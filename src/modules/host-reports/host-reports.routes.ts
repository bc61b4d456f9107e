import { HostReport, JobIssue, RaiseJobIssueBody } from '../../contracts/host-reports.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { HostReportsService } from './host-reports.service.js';

const TAGS = ['Turnovers'];

export function hostReportsRoutes(routes: Routes, { hostReports }: { hostReports: HostReportsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/report',
      summary: 'The host’s report of a completed turnover: time on site, checklist, photos by room, the linen order, problems noted',
      description: 'Always as the job’s client sees it (staff get the same page the host gets).',
      tags: TAGS,
      access: ['master', 'admin', 'client'],
      params: IdParams,
      response: HostReport,
      errors: { 404: 'NOT_FOUND — no such job, or not the caller’s.', 409: 'REPORT_NOT_READY — the job is not completed.' },
    },
    ({ params, actor }) => hostReports.report(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/issues',
      summary: 'Problems noted on a job, oldest first',
      tags: TAGS,
      access: ['master', 'admin', 'worker'],
      params: IdParams,
      query: WholeListQuery,
      response: JobIssue,
      list: true,
      errors: { 404: 'NOT_FOUND — no such job, or a worker not assigned to it.' },
    },
    async ({ params, actor, query }) => pageOfArray(await hostReports.issues(actor!, params.id), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/issues',
      summary: 'Note a problem on a job (a missing towel, a broken glass), optionally with a detail photo of the job',
      description:
        'The job’s worker while it is open, or staff. It becomes a ticket linked to the job; upload the photo first (`photoType=detail`) and pass its id. ' +
        'The host’s report shows the text, when, the photo and the first name of whoever noted it.',
      tags: TAGS,
      access: ['master', 'admin', 'worker'],
      params: IdParams,
      body: RaiseJobIssueBody,
      response: JobIssue,
      status: 201,
      errors: { 400: 'UNKNOWN_PHOTO, VALIDATION_FAILED', 404: 'NOT_FOUND — no such job, or a worker not assigned to it.', 409: 'JOB_CLOSED — a worker after the job closed.' },
    },
    ({ params, actor, body }) => hostReports.raiseIssue(actor!, params.id, body),
  );
}
