import { z } from 'zod';
import { AttachedPhoto } from './attached-photos.js';

/**
 * Conversations (issue 23 §2): one thread per laundry order, cleaning job or client request, between the
 * client and staff; the workers of a cleaning job take part while the job is open. Messages are plain
 * text, shown as written and never as HTML. Pure: no Node imports.
 */

export const THREAD_SUBJECTS = ['laundry_order', 'cleaning_job', 'request'] as const;
export const ThreadSubject = z.enum(THREAD_SUBJECTS).meta({ id: 'ThreadSubject' });
export type ThreadSubjectValue = z.infer<typeof ThreadSubject>;

/** Bounds of a message once trimmed; outside them the server answers MESSAGE_EMPTY or MESSAGE_TOO_LONG. */
export const MESSAGE_MIN_LENGTH = 1;
export const MESSAGE_MAX_LENGTH = 2000;
/** Messages one person may send in a minute before MESSAGE_RATE_LIMITED. */
export const MESSAGES_PER_MINUTE = 20;

export const PostMessageBody = z
  .object({
    // The length is checked after trimming, by the service, so the answer names the rule (empty, too long).
    body: z.string().max(20_000).meta({ description: `Plain text, ${MESSAGE_MIN_LENGTH}–${MESSAGE_MAX_LENGTH} characters once trimmed.` }),
  })
  .strict()
  .meta({ id: 'PostMessageBody', example: { body: 'Bom dia, posso levantar amanhã às 10h?' } });

export const MarkThreadReadBody = z
  .object({ upToMessageId: z.number().int().positive().meta({ description: 'The newest message shown; later ones stay unread.' }) })
  .strict()
  .meta({ id: 'MarkThreadReadBody' });

export const AssignThreadBody = z
  .object({ assigneeId: z.number().int().positive().nullable().meta({ description: 'An active master or admin; null unassigns.' }) })
  .strict()
  .meta({ id: 'AssignThreadBody' });

export const MessageAuthorKind = z.enum(['staff', 'worker', 'client']);

export const ThreadMessage = z
  .object({
    id: z.number().int(),
    body: z.string().meta({ description: 'Plain text as written: render as text, never as HTML.' }),
    author: z.object({ kind: MessageAuthorKind, id: z.number().int(), name: z.string() }),
    mine: z.boolean(),
    createdAt: z.string(),
    photos: z.array(AttachedPhoto).meta({ description: 'Photos sent with the message (the text may be empty when there are some).' }),
  })
  .meta({ id: 'ThreadMessage' });

const person = z.object({ id: z.number().int(), name: z.string() });

export const Thread = z
  .object({
    subject: ThreadSubject,
    subjectId: z.number().int(),
    reference: z.string().meta({ description: 'What the thread is about: the order number, the job’s date (YYYY-MM-DD), the request number.' }),
    client: person.nullable().meta({ description: 'Staff only; null for the client and workers.' }),
    assignee: person.nullable(),
    canWrite: z.boolean(),
    lastReadMessageId: z.number().int().nullable().meta({ description: 'The caller’s read mark: later messages by others are unread.' }),
    unreadCount: z.number().int(),
    lastMessage: z
      .object({ id: z.number().int(), authorName: z.string(), excerpt: z.string(), createdAt: z.string() })
      .nullable(),
  })
  .meta({ id: 'Thread' });

export const ThreadAssignee = z.object({ id: z.number().int(), name: z.string(), role: z.enum(['master', 'admin']) }).meta({ id: 'ThreadAssignee' });
export type ThreadAssigneeDto = z.infer<typeof ThreadAssignee>;

export const ThreadsUnread = z.object({ count: z.number().int(), threads: z.number().int() }).meta({ id: 'ThreadsUnread' });

export type ThreadMessageDto = z.infer<typeof ThreadMessage>;
export type ThreadDto = z.infer<typeof Thread>;
