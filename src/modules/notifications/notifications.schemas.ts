import { booleanParam, pagingQuery } from '../../lib/paging.js';

export const NotificationListQuery = pagingQuery(['createdAt'], '-createdAt').extend({
  unread: booleanParam.optional().meta({ description: 'true: only unread notifications.' }),
});
