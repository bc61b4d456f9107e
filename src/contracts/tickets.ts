import { z } from 'zod';
import { RecordVersion } from './primitives.js';

/**
 * Tickets (PRODUCT §2): any staff member reports a problem; admins assign, prioritise, resolve and
 * close. Workers see the tickets they created or are assigned to. Pure: no Node imports.
 */

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TicketPriority = z.enum(TICKET_PRIORITIES).meta({ id: 'TicketPriority' });
export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES).meta({ id: 'TicketStatus' });

const id = z.number().int().positive();
const Version = RecordVersion.meta({ description: 'The version you read; a stale one gets 409 STALE_VERSION.' });

export const CreateTicketBody = z
  .object({
    title: z.string().trim().min(3, 'at least 3 characters').max(200),
    description: z.string().trim().min(1, 'describe the problem').max(5000),
    priority: TicketPriority.default('medium'),
    laundryOrderId: id.optional(),
    cleaningJobId: id.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.laundryOrderId !== undefined && v.cleaningJobId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['cleaningJobId'], message: 'link to an order or a job, not both' });
    }
  })
  .meta({ id: 'CreateTicketBody', example: { title: 'Falta detergente', description: 'O armário do T2 da Graça está vazio.', priority: 'high' } });

/** Admin edits: priority, assignee, title/description. */
export const UpdateTicketBody = z
  .object({
    version: Version,
    priority: TicketPriority.optional(),
    assigneeId: id.nullable().optional().meta({ description: 'A staff member; null unassigns.' }),
    title: z.string().trim().min(3).max(200).optional(),
    description: z.string().trim().min(1).max(5000).optional(),
    status: z.enum(['open', 'in_progress']).optional().meta({ description: 'Work states; resolve and close have their own actions.' }),
  })
  .strict()
  .meta({ id: 'UpdateTicketBody' });

export const ResolveTicketBody = z
  .object({ version: Version, resolution: z.string().trim().min(3, 'say what was done').max(2000) })
  .strict()
  .meta({ id: 'ResolveTicketBody' });

export const CloseTicketBody = z.object({ version: Version, note: z.string().trim().max(2000).optional() }).strict().meta({ id: 'CloseTicketBody' });
export const ReopenTicketBody = z.object({ version: Version, reason: z.string().trim().min(3).max(2000) }).strict().meta({ id: 'ReopenTicketBody' });

export const AddCommentBody = z.object({ body: z.string().trim().min(1).max(4000) }).strict().meta({ id: 'AddTicketCommentBody' });

const person = z.object({ id: z.number().int(), name: z.string() });

export const TicketComment = z
  .object({ id: z.number().int(), author: person, body: z.string(), createdAt: z.string() })
  .meta({ id: 'TicketComment' });

export const Ticket = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    priority: TicketPriority,
    status: TicketStatus,
    createdBy: person,
    assignee: person.nullable(),
    laundryOrder: z.object({ id: z.number().int(), orderNumber: z.string() }).nullable(),
    cleaningJobId: z.number().int().nullable(),
    resolvedAt: z.string().nullable(),
    resolvedBy: person.nullable(),
    resolution: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: person.nullable(),
    commentCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    comments: z.array(TicketComment).optional().meta({ description: 'Detail only.' }),
  })
  .meta({ id: 'Ticket' });

export type CreateTicketInput = z.infer<typeof CreateTicketBody>;
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;
export type TicketDto = z.infer<typeof Ticket>;
export type TicketCommentDto = z.infer<typeof TicketComment>;
export type TicketPriorityValue = z.infer<typeof TicketPriority>;
export type TicketStatusValue = z.infer<typeof TicketStatus>;
