import { commaSeparated } from '../../contracts/query-params.js';
import {
  AddCommentBody,
  CloseTicketBody,
  CreateTicketBody,
  ReopenTicketBody,
  ResolveTicketBody,
  Ticket,
  TicketComment,
  TicketPriority,
  TicketStatus,
  UpdateTicketBody,
} from '../../contracts/tickets.js';
import { route, type Routes } from '../../http/endpoint.js';
import { booleanParam, IdParams, idParam, pageOfArray, pagingQuery, WholeListQuery } from '../../lib/paging.js';
import type { TicketsService } from './tickets.service.js';

const STAFF = ['master', 'admin'] as const;
const ALL_STAFF = ['master', 'admin', 'worker'] as const;
const TAGS = ['Tickets'];


const ListQuery = pagingQuery(['urgency', 'createdAt', 'updatedAt'], '-urgency').extend({
  status: commaSeparated(TicketStatus, 'status'),
  priority: commaSeparated(TicketPriority, 'priority'),
  assigneeId: idParam.optional(),
  unassigned: booleanParam.optional(),
  laundryOrderId: idParam.optional(),
  cleaningJobId: idParam.optional(),
});

const ERRORS = { 404: 'NOT_FOUND — no such ticket, or not yours.', 409: 'STALE_VERSION, INVALID_TRANSITION, TICKET_CLOSED' };

export function ticketsRoutes(routes: Routes, { tickets }: { tickets: TicketsService }) {
  route(
    routes,
    {
      method: 'post',
      path: '/api/tickets',
      summary: 'Report a problem (missing supplies, client absent, damage), optionally about an order or a job',
      description: 'A worker may link only a job they are assigned to. Send an `Idempotency-Key` header to make a retry safe.',
      tags: TAGS,
      access: ALL_STAFF,
      body: CreateTicketBody,
      response: Ticket,
      status: 201,
      errors: { 400: 'UNKNOWN_ORDER, UNKNOWN_JOB, VALIDATION_FAILED' },
    },
    ({ actor, body }) => tickets.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/tickets',
      summary: 'Tickets, most urgent first and oldest first within a priority (filters: status, priority, assignee)',
      description: 'Admins see all; a worker sees those they created or are assigned to. `sort=-urgency` (default) is priority then age.',
      tags: TAGS,
      access: ALL_STAFF,
      query: ListQuery,
      response: Ticket,
      list: true,
    },
    ({ actor, query }) => {
      const { limit, offset, cursor, sort, ...filters } = query;
      return tickets.list(actor!, filters, { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    { method: 'get', path: '/api/tickets/:id', summary: 'A ticket with its comments', tags: TAGS, access: ALL_STAFF, params: IdParams, response: Ticket, errors: ERRORS },
    ({ actor, params }) => tickets.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/tickets/:id',
      summary: 'Prioritise, assign, retitle, or move between open and in progress',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdateTicketBody,
      response: Ticket,
      errors: { ...ERRORS, 400: 'INVALID_ASSIGNEE, VALIDATION_FAILED' },
    },
    ({ actor, params, body }) => tickets.update(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/tickets/:id/resolve',
      summary: 'Resolve a ticket: what was done, by whom and when',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: ResolveTicketBody,
      response: Ticket,
      errors: ERRORS,
    },
    ({ actor, params, body }) => tickets.resolve(actor!, params.id, body.version, body.resolution),
  );

  route(
    routes,
    { method: 'post', path: '/api/tickets/:id/close', summary: 'Close a ticket', tags: TAGS, access: STAFF, params: IdParams, body: CloseTicketBody, response: Ticket, errors: ERRORS },
    ({ actor, params, body }) => tickets.close(actor!, params.id, body.version, body.note),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/tickets/:id/reopen',
      summary: 'Reopen a resolved or closed ticket, with a reason (added as a comment)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: ReopenTicketBody,
      response: Ticket,
      errors: ERRORS,
    },
    ({ actor, params, body }) => tickets.reopen(actor!, params.id, body.version, body.reason),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/tickets/:id/comments',
      summary: 'Comments of a ticket, oldest first',
      tags: TAGS,
      access: ALL_STAFF,
      params: IdParams,
      query: WholeListQuery,
      response: TicketComment,
      list: true,
      errors: ERRORS,
    },
    async ({ actor, params, query }) => pageOfArray(await tickets.comments(actor!, params.id), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/tickets/:id/comments',
      summary: 'Comment on a ticket (anyone who can see it)',
      tags: TAGS,
      access: ALL_STAFF,
      params: IdParams,
      body: AddCommentBody,
      response: TicketComment,
      status: 201,
      errors: ERRORS,
    },
    ({ actor, params, body }) => tickets.comment(actor!, params.id, body.body),
  );
}
