import { commaSeparated } from '../../contracts/query-params.js';
import {
  AcceptRequestBody,
  CancelRequestBody,
  ClientRequest,
  CreateRequestBody,
  DeclineRequestBody,
  ProposeRequestBody,
  RequestCounts,
  RequestKind,
  RequestPrefill,
  RequestState,
  RespondProposalBody,
} from '../../contracts/requests.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, pagingQuery } from '../../lib/paging.js';
import { ATTACHED_PHOTO_LIMITS, UploadRequestPhotosForm } from '../../contracts/attached-photos.js';
import { attachedPhotoUpload, PHOTO_UPLOAD_ERRORS, spooledFiles } from '../attachments/attached-photos.routes.js';
import type { RequestsService } from './requests.service.js';

const STAFF = ['master', 'admin'] as const;
const CLIENT = ['client'] as const;
const STAFF_AND_CLIENT = ['master', 'admin', 'client'] as const;
const TAGS = ['Requests'];

const ListQuery = pagingQuery(['createdAt'], '-createdAt').extend({
  state: commaSeparated(RequestState, 'state'),
  kind: commaSeparated(RequestKind, 'kind'),
  clientId: idParam.optional().meta({ description: 'Staff: one client’s requests.' }),
});

const ERRORS = { 404: 'NOT_FOUND — no such request, or not yours.', 409: 'STALE_VERSION, INVALID_TRANSITION, REQUEST_ALREADY_ACCEPTED' };
const WHEN_ERRORS = { 400: 'DATE_IN_PAST, INVALID_TIME_WINDOW, VALIDATION_FAILED' };

export function requestsRoutes(routes: Routes, { requests, uploadTmpDir }: { requests: RequestsService; uploadTmpDir: string }) {
  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/photos',
      summary: 'Attach photos to one’s own open request (multipart; the photo pipeline)',
      description:
        `Field \`photos\` carries the files (JPEG, PNG or WebP, checked from their bytes), at most 10 MB each; each is auto-oriented, stripped of its ` +
        `metadata, resized and re-encoded with a thumbnail. All or nothing; at most ${ATTACHED_PHOTO_LIMITS.perRequest} photos a request, while it is ` +
        'pending, proposed or waiting for confirmation. Answers the request with its photos.',
      tags: TAGS,
      access: CLIENT,
      params: IdParams,
      body: UploadRequestPhotosForm,
      bodyContentType: 'multipart/form-data',
      response: ClientRequest,
      status: 201,
      before: attachedPhotoUpload(uploadTmpDir, ATTACHED_PHOTO_LIMITS.perRequest, async (req) => {
        const id = IdParams.safeParse(req.params);
        if (id.success) await requests.photoUploadTarget(req.actor!, id.data.id);
      }),
      errors: {
        ...PHOTO_UPLOAD_ERRORS,
        404: 'NOT_FOUND — no such request, or not yours.',
        409: 'REQUEST_CLOSED (accepted, declined or cancelled), PHOTO_QUOTA_EXCEEDED (details: scope request, limit, current, adding)',
      },
    },
    ({ actor, params, req }) => requests.addPhotos(actor!, params.id, spooledFiles(req)),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests',
      summary: 'Ask for a laundry pickup, the delivery of a ready order, or a cleaning visit',
      description:
        'A client asks for a day (today or later, Lisbon) and a time window. The owner and managers are notified. ' +
        'Send an `Idempotency-Key` header to make a retry safe.',
      tags: TAGS,
      access: CLIENT,
      body: CreateRequestBody,
      response: ClientRequest,
      status: 201,
      errors: { ...WHEN_ERRORS, 404: 'NOT_FOUND — the address or order is not yours.', 409: 'DELIVERY_ORDER_NOT_READY' },
    },
    ({ actor, body }) => requests.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/requests',
      summary: 'Requests, newest first (filters: state, kind, client)',
      description: 'Staff see all; a client sees their own.',
      tags: TAGS,
      access: STAFF_AND_CLIENT,
      query: ListQuery,
      response: ClientRequest,
      list: true,
    },
    ({ actor, query }) => {
      const { limit, offset, cursor, sort, ...filters } = query;
      return requests.list(actor!, filters, { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    { method: 'get', path: '/api/requests/counts', summary: 'How many requests are in each state, and how many wait on staff', tags: TAGS, access: STAFF, response: RequestCounts },
    () => requests.counts(),
  );

  route(
    routes,
    { method: 'get', path: '/api/requests/:id', summary: 'A request with its history', tags: TAGS, access: STAFF_AND_CLIENT, params: IdParams, response: ClientRequest, errors: ERRORS },
    ({ actor, params }) => requests.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/propose',
      summary: 'Propose another day and time window; the client accepts or declines it',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: ProposeRequestBody,
      response: ClientRequest,
      errors: { ...ERRORS, ...WHEN_ERRORS },
    },
    ({ actor, params, body }) => requests.propose(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/accept-proposal',
      summary: 'Take the proposed time: it becomes the request’s time and staff confirm it',
      tags: TAGS,
      access: CLIENT,
      params: IdParams,
      body: RespondProposalBody,
      response: ClientRequest,
      errors: ERRORS,
    },
    ({ actor, params, body }) => requests.acceptProposal(actor!, params.id, body.version, body.note),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/decline-proposal',
      summary: 'Keep your own time: the request waits on staff again',
      tags: TAGS,
      access: CLIENT,
      params: IdParams,
      body: RespondProposalBody,
      response: ClientRequest,
      errors: ERRORS,
    },
    ({ actor, params, body }) => requests.declineProposal(actor!, params.id, body.version, body.note),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/cancel',
      summary: 'Cancel your request (until it is accepted)',
      tags: TAGS,
      access: CLIENT,
      params: IdParams,
      body: CancelRequestBody,
      response: ClientRequest,
      errors: ERRORS,
    },
    ({ actor, params, body }) => requests.cancel(actor!, params.id, body.version, body.reason),
  );

  route(
    routes,
    { method: 'post', path: '/api/requests/:id/decline', summary: 'Decline a request, with the reason the client reads', tags: TAGS, access: STAFF, params: IdParams, body: DeclineRequestBody, response: ClientRequest, errors: ERRORS },
    ({ actor, params, body }) => requests.decline(actor!, params.id, body.version, body.reason),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/requests/:id/prefill',
      summary: 'What the laundry order or cleaning job form opens with to accept a request (nothing changes)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      response: RequestPrefill,
      errors: ERRORS,
    },
    ({ actor, params }) => requests.prefill(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/requests/:id/accept',
      summary: 'Accept a request: create its laundry order or cleaning job (or mark its order for delivery) in the same step',
      description:
        'A pickup takes `laundryOrder` (the order form), a cleaning `cleaningJob` (the job form, one visit), a delivery nothing. ' +
        'The order or job carries `requestId`. A second accept gets 409 REQUEST_ALREADY_ACCEPTED with the first one’s id in `details`; ' +
        'a retry with the same `Idempotency-Key` gets the first answer.',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: AcceptRequestBody,
      response: ClientRequest,
      errors: { ...ERRORS, 400: 'REQUEST_FORM_REQUIRED, REQUEST_CLIENT_MISMATCH, VALIDATION_FAILED and the order or job form’s own codes' },
    },
    ({ actor, params, body }) => requests.accept(actor!, params.id, body),
  );
}
