import { z } from 'zod';
import { booleanParam, pagingQuery } from '../../lib/paging.js';

export const ClientListQuery = pagingQuery(['name', 'createdAt'], 'name').extend({
  search: z.string().trim().min(1).max(100).optional().meta({ description: 'Part of the name, company, e-mail, phone digits or NIF.' }),
  active: booleanParam.optional(),
});
