import { z } from 'zod';

/** In-app notifications as the API returns them. Pure: no Node or server imports. */

export const NOTIFICATION_TYPES = [
  'account.welcome',
  'password.reset_by_staff',
  'password.reset_link',
  'laundry.ready',
  'cleaning.assigned',
  'cleaning.rescheduled',
  'cleaning.started',
  'cleaning.completed',
] as const;

export const Notification = z
  .object({
    id: z.number().int(),
    type: z.string().meta({ description: `One of: ${NOTIFICATION_TYPES.join(', ')} (later releases add more).` }),
    params: z.record(z.string(), z.unknown()).meta({ description: 'The parameters the text is rendered from.' }),
    title: z.string().meta({ description: "Rendered in the caller's language." }),
    body: z.string(),
    link: z.string().nullable().meta({ description: 'A path in the web app to open, when there is one.' }),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const UnreadCount = z.object({ count: z.number().int() }).meta({ id: 'UnreadCount' });
export const MarkedRead = z.object({ updated: z.number().int() }).meta({ id: 'MarkedRead' });

export type NotificationDto = z.infer<typeof Notification>;
