import { z } from 'zod';
import { CalendarDate, Instant } from '../../contracts/primitives.js';
import { AUDIT_ACTOR_TYPES } from '../../contracts/audit.js';
import { pagingQuery } from '../../lib/paging.js';

const dateOrInstant = z
  .union([CalendarDate, Instant])
  .meta({ description: 'A date (the whole Lisbon day) or an ISO 8601 instant.' });

export const AuditListQuery = pagingQuery(['at'], '-at').extend({
  entity: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  actorType: z.enum(AUDIT_ACTOR_TYPES).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().min(1).max(64).optional(),
  from: dateOrInstant.optional().meta({ description: 'From this instant, or from the start of this Lisbon day.' }),
  to: dateOrInstant.optional().meta({ description: 'Before this instant, or up to the end of this Lisbon day.' }),
});
