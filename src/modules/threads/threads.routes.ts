import { z } from 'zod';
import { AssignThreadBody, MarkThreadReadBody, PostMessageBody, Thread, ThreadMessage, ThreadsUnread, ThreadSubject } from '../../contracts/threads.js';
import { route, type Routes } from '../../http/endpoint.js';
import { booleanParam, idParam, pagingQuery } from '../../lib/paging.js';
import type { ThreadsService } from './threads.service.js';

const STAFF = ['master', 'admin'] as const;
const TAGS = ['Conversations'];

const SubjectParams = z.object({ subject: ThreadSubject, subjectId: idParam });
const MessagesQuery = pagingQuery(['id'], '-id');
const InboxQuery = pagingQuery(['activity'], '-activity').extend({ unread: booleanParam.optional() });

const NOT_VISIBLE = 'NOT_FOUND — no such order, job or request, or its conversation is not yours to see.';

export function threadsRoutes(routes: Routes, { threads }: { threads: ThreadsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/threads',
      summary: 'The caller’s conversations, those with unread messages first, then the most recent',
      description: 'Staff see every conversation; a client their own; a worker those of their open cleaning jobs. `unread=true` keeps those with unread messages.',
      tags: TAGS,
      access: 'authenticated',
      query: InboxQuery,
      response: Thread,
      list: true,
    },
    ({ actor, query }) => {
      const { unread, ...page } = query;
      return threads.list(actor!, unread ?? false, page);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/threads/unread-count',
      summary: 'Unread messages (and conversations with any) across the caller’s conversations, for the badge',
      tags: TAGS,
      access: 'authenticated',
      response: ThreadsUnread,
    },
    ({ actor }) => threads.unreadCount(actor!),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/threads/:subject/:subjectId',
      summary: 'The conversation of an order, job or request: its assignee and the caller’s read mark and unread count',
      tags: TAGS,
      access: 'authenticated',
      params: SubjectParams,
      response: Thread,
      errors: { 404: NOT_VISIBLE },
    },
    ({ actor, params }) => threads.get(actor!, params.subject, params.subjectId),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/threads/:subject/:subjectId/messages',
      summary: 'Messages of a conversation, newest first (follow `nextCursor` for older ones; `sort=id` for oldest first)',
      tags: TAGS,
      access: 'authenticated',
      params: SubjectParams,
      query: MessagesQuery,
      response: ThreadMessage,
      list: true,
      errors: { 404: NOT_VISIBLE },
    },
    ({ actor, params, query }) => threads.messages(actor!, params.subject, params.subjectId, query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/threads/:subject/:subjectId/messages',
      summary: 'Send a plain-text message to a conversation; the other side is notified',
      description: 'Send an `Idempotency-Key` header so a retry or a double click sends once.',
      tags: TAGS,
      access: 'authenticated',
      params: SubjectParams,
      body: PostMessageBody,
      response: ThreadMessage,
      status: 201,
      errors: { 400: 'MESSAGE_EMPTY, MESSAGE_TOO_LONG, VALIDATION_FAILED', 404: NOT_VISIBLE, 429: 'MESSAGE_RATE_LIMITED — too many messages in a minute.' },
    },
    ({ actor, params, body }) => threads.post(actor!, params.subject, params.subjectId, body.body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/threads/:subject/:subjectId/read',
      summary: 'Mark a conversation read up to a message',
      tags: TAGS,
      access: 'authenticated',
      params: SubjectParams,
      body: MarkThreadReadBody,
      response: Thread,
      errors: { 404: NOT_VISIBLE },
    },
    ({ actor, params, body }) => threads.markRead(actor!, params.subject, params.subjectId, body.upToMessageId),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/threads/:subject/:subjectId/assignee',
      summary: 'Put a master or admin in charge of a conversation (they are notified of its messages instead of all staff)',
      tags: TAGS,
      access: STAFF,
      params: SubjectParams,
      body: AssignThreadBody,
      response: Thread,
      errors: { 400: 'INVALID_ASSIGNEE, VALIDATION_FAILED', 404: 'NOT_FOUND — no such order, job or request.' },
    },
    ({ actor, params, body }) => threads.assign(actor!, params.subject, params.subjectId, body.assigneeId),
  );
}
