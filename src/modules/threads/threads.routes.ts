import { z } from 'zod';
import { AssignThreadBody, MarkThreadReadBody, PostMessageBody, Thread, ThreadAssignee, ThreadMessage, ThreadsUnread, ThreadSubject } from '../../contracts/threads.js';
import { route, type Routes } from '../../http/endpoint.js';
import { booleanParam, idParam, pagingQuery } from '../../lib/paging.js';
import { ATTACHED_PHOTO_LIMITS, PhotoMessageForm } from '../../contracts/attached-photos.js';
import { attachedPhotoUpload, PHOTO_UPLOAD_ERRORS, spooledFiles } from '../attachments/attached-photos.routes.js';
import type { ThreadsService } from './threads.service.js';

const STAFF = ['master', 'admin'] as const;
const TAGS = ['Conversations'];

const SubjectParams = z.object({ subject: ThreadSubject, subjectId: idParam });
const MessagesQuery = pagingQuery(['id'], '-id');
const InboxQuery = pagingQuery(['activity'], '-activity').extend({
  unread: booleanParam.optional(),
  assignedToMe: booleanParam.optional().meta({ description: 'Staff: only the conversations put in the caller’s charge.' }),
});

const NOT_VISIBLE = 'NOT_FOUND — no such order, job or request, or its conversation is not yours to see.';

export function threadsRoutes(routes: Routes, { threads, uploadTmpDir }: { threads: ThreadsService; uploadTmpDir: string }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/threads',
      summary: 'The caller’s conversations, those with unread messages first, then the most recent',
      description:
        'Staff see every conversation; a client their own; a worker those of their open cleaning jobs. `unread=true` keeps those with unread messages; ' +
        '`assignedToMe=true` (staff) those put in the caller’s charge.',
      tags: TAGS,
      access: 'authenticated',
      query: InboxQuery,
      response: Thread,
      list: true,
    },
    ({ actor, query }) => {
      const { unread, assignedToMe, ...page } = query;
      return threads.list(actor!, unread ?? false, page, assignedToMe ?? false);
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
      path: '/api/threads/assignees',
      summary: 'Who a conversation may be put in charge of: the active masters and admins, by name',
      tags: TAGS,
      access: STAFF,
      response: ThreadAssignee,
      list: true,
    },
    async () => {
      const items = await threads.assignees();
      return { items, page: { total: items.length, totalCapped: false, limit: items.length, offset: 0, nextCursor: null } };
    },
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
      path: '/api/threads/:subject/:subjectId/photo-messages',
      summary: 'Send a message with photos (multipart; the photo pipeline); the text is optional',
      description:
        `Field \`photos\` carries 1–${ATTACHED_PHOTO_LIMITS.perMessage} files (JPEG, PNG or WebP, checked from their bytes), at most 10 MB each, ` +
        'each auto-oriented, stripped of its metadata and re-encoded with a thumbnail; field `body` the optional text. The photos are read by ' +
        'whoever may read the conversation. Without a photo it is the same as a text message.',
      tags: TAGS,
      access: 'authenticated',
      params: SubjectParams,
      body: PhotoMessageForm,
      bodyContentType: 'multipart/form-data',
      response: ThreadMessage,
      status: 201,
      before: attachedPhotoUpload(uploadTmpDir, ATTACHED_PHOTO_LIMITS.perMessage, async (req) => {
        const p = SubjectParams.safeParse(req.params);
        if (p.success) await threads.photoUploadTarget(req.actor!, p.data.subject, p.data.subjectId);
      }),
      errors: {
        ...PHOTO_UPLOAD_ERRORS,
        400: `MESSAGE_EMPTY (no text and no photo), MESSAGE_TOO_LONG, ${PHOTO_UPLOAD_ERRORS[400]}`,
        404: NOT_VISIBLE,
        429: 'MESSAGE_RATE_LIMITED — too many messages in a minute.',
      },
    },
    ({ actor, params, body, req }) => threads.post(actor!, params.subject, params.subjectId, body.body ?? '', spooledFiles(req)),
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
