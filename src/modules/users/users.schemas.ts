import { z } from 'zod';
import { StaffRole } from '../../contracts/users.js';
import { booleanParam, pagingQuery } from '../../lib/paging.js';

export const UserListQuery = pagingQuery(['name', 'username', 'createdAt'], 'name').extend({
  search: z.string().trim().min(1).max(100).optional().meta({ description: 'Part of the name, username, e-mail or phone.' }),
  role: StaffRole.optional(),
  active: booleanParam.optional(),
});
