import { z } from 'zod';

/** Audit log shapes shared with the web app. Pure: no Node or server imports. */

export const AUDIT_ACTOR_TYPES = ['user', 'client', 'system', 'anonymous'] as const;

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
    changedFields: z.array(z.string()).meta({ description: 'Names of every field that changed, personal ones included.' }),
    before: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Non-personal values before the change only.' }),
    after: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Non-personal values after the change only.' }),
    ip: z.string().nullable(),
    correlationId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntryDto = z.infer<typeof AuditEntry>;
