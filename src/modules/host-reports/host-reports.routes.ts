import { CreatedReportLink, HostReport, JobIssue, RaiseJobIssueBody, ReportLink, SharedPhotoParams, SharedReportParams } from '../../contracts/host-reports.js';
import type { Logger } from '../../lib/logger.js';
import { sendPhoto } from '../photos/photos.routes.js';
import { REVOCABLE_PHOTO_CACHE_CONTROL } from '../photos/photo-headers.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { HostReportsService } from './host-reports.service.js';

const TAGS = ['Turnovers'];

/** A shared report is for the person it was sent to: never indexed, never named in a Referer. */
const SHARED_HEADERS = { 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' };
const NO_REPORT = 'NOT_FOUND — no such link, or it expired or was switched off (one answer for all three).';
const HOST_OR_STAFF = ['master', 'admin', 'client'] as const;

export function hostReportsRoutes(routes: Routes, { hostReports, logger }: { hostReports: HostReportsService; logger: Logger }) {
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

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/report-links',
      summary: 'A link that opens the report of a completed turnover without signing in (for a co-host)',
      description: 'The job’s client, and staff. The token is in this answer only (only its SHA-256 is kept); the link expires after the `reportLinkDays` setting. Audited.',
      tags: TAGS,
      access: HOST_OR_STAFF,
      params: IdParams,
      response: CreatedReportLink,
      status: 201,
      errors: { 404: 'NOT_FOUND — no such job, or not the caller’s.', 409: 'REPORT_NOT_READY — the job is not completed.' },
    },
    ({ params, actor }) => hostReports.createLink(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/report-links',
      summary: 'The links made for a turnover’s report, newest first (no tokens)',
      tags: TAGS,
      access: HOST_OR_STAFF,
      params: IdParams,
      query: WholeListQuery,
      response: ReportLink,
      list: true,
      errors: { 404: 'NOT_FOUND — no such job, or not the caller’s.', 409: 'REPORT_NOT_READY — the job is not completed.' },
    },
    async ({ params, actor, query }) => pageOfArray(await hostReports.links(actor!, params.id), query),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/report-links/:id',
      summary: 'Switch a report link off for good (the job’s client, and staff); audited',
      tags: TAGS,
      access: HOST_OR_STAFF,
      params: IdParams,
      status: 204,
      errors: { 404: 'NOT_FOUND — no such link, or not the caller’s.' },
    },
    ({ params, actor }) => hostReports.revokeLink(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/shared-reports/:token',
      summary: 'A turnover’s report through a shared link (no sign-in)',
      description: 'Photos are served through the link’s own routes. Sent with `X-Robots-Tag: noindex, nofollow` and `Referrer-Policy: no-referrer`; rate limited per address.',
      tags: TAGS,
      access: 'public',
      params: SharedReportParams,
      response: HostReport,
      errors: { 404: NO_REPORT, 429: 'RATE_LIMIT_EXCEEDED — see Retry-After.' },
    },
    async ({ params, res }) => {
      res.set(SHARED_HEADERS);
      return hostReports.shared(params.token);
    },
  );

  for (const rendition of ['image', 'thumbnail'] as const) {
    route(
      routes,
      {
        method: 'get',
        path: rendition === 'image' ? '/api/shared-reports/:token/photos/:photoId' : '/api/shared-reports/:token/photos/:photoId/thumbnail',
        summary: rendition === 'image' ? 'A photo of a shared report' : 'A photo’s thumbnail in a shared report',
        description: 'The same privacy headers as `/api/photos/:id`, plus `X-Robots-Tag: noindex, nofollow` and `Referrer-Policy: no-referrer`; `Cache-Control: private, no-cache` (revalidated on every view, so a revoked link stops its photos at once).',
        tags: TAGS,
        access: 'public',
        params: SharedPhotoParams,
        rawResponse: { contentType: 'image/webp', description: 'The image bytes.' },
        errors: { 404: NO_REPORT, 429: 'RATE_LIMIT_EXCEEDED — see Retry-After.', 503: 'STORAGE_UNAVAILABLE' },
      },
      async ({ params, req, res }) => {
        res.set(SHARED_HEADERS);
        return sendPhoto(res, await hostReports.sharedPhoto(params.token, params.photoId, rendition, req.get('if-none-match')), logger, REVOCABLE_PHOTO_CACHE_CONTROL);
      },
    );
  }
}
