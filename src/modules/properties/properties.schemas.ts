import { z } from 'zod';
import { booleanParam, idParam, pagingQuery } from '../../lib/paging.js';

export const PropertyListQuery = pagingQuery(['createdAt', 'name'], 'createdAt').extend({
  active: booleanParam.optional(),
});
export const ClientIdParams = z.object({ id: idParam });
