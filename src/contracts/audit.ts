import { z } from 'zod';

/** Audit log shapes shared with the web app. Pure: no Node or server imports. */

export const AUDIT_ACTOR_TYPES = ['user', 'client', 'system', 'anonymous'] as const;

/**
 * What an entry is about, as a person names it: the cleaning job (its type and property), the laundry
 * order (its number) and the client, resolved for the record itself or through it (a time log's job,
 * a payment's order, the job whose access notes were read). Each part is null when it does not apply.
 */
export const AuditSubject = z
  .object({
    jobId: z.number().int().nullable(),
    jobType: z.enum(['airbnb', 'house']).nullable(),
    jobDate: z.string().nullable().meta({ description: 'YYYY-MM-DD, the Lisbon day the job is booked for.' }),
    propertyId: z.number().int().nullable(),
    propertyName: z.string().nullable(),
    orderId: z.number().int().nullable(),
    orderNumber: z.string().nullable(),
    clientId: z.number().int().nullable(),
    clientName: z.string().nullable(),
  })
  .meta({ id: 'AuditSubject' });

export type AuditSubjectDto = z.infer<typeof AuditSubject>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().meta({ description: 'ISO 8601 instant.' }),
    actor: z.object({
      type: z.enum(AUDIT_ACTOR_TYPES),
      id: z.number().int().nullable(),
      name: z.string().nullable().meta({ description: 'Display name of the user or client, when there is one.' }),
    }),
    action: z.string().meta({ example: 'update' }),
    entity: z.string().meta({ example: 'client' }),
    entityId: z.string().nullable(),
    subject: AuditSubject,
    changedFields: z.array(z.string()).meta({ description: 'Names of every field that changed, personal ones included.' }),
    before: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Non-personal values before the change only.' }),
    after: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Non-personal values after the change only.' }),
    ip: z.string().nullable(),
    correlationId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntryDto = z.infer<typeof AuditEntry>;
