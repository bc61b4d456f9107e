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
  'ticket_created',
  'ticket_urgent',
  'job_changed',
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

export const NotificationPreference = z
  .object({
    type: z.string().meta({ description: 'A notification type whose e-mail the account may switch on or off.' }),
    email: z.boolean().meta({ description: 'Whether this type is also e-mailed to the account (the stored choice, or the default).' }),
    emailDefault: z.boolean().meta({ description: 'What applies until the account chooses.' }),
  })
  .meta({ id: 'NotificationPreference' });

export const PushPreference = z
  .object({
    type: z.string().meta({ description: 'A notification type whose web push the account may switch on or off.' }),
    push: z.boolean().meta({ description: 'Whether this type is pushed to the account’s subscribed devices (the stored choice, or the default).' }),
    pushDefault: z.boolean().meta({ description: 'What applies until the account chooses.' }),
  })
  .meta({ id: 'PushPreference' });

export const NotificationPreferences = z
  .object({
    items: z.array(NotificationPreference).meta({
      description: 'Only the types of the caller’s audience (staff, worker or client) whose e-mail is a choice. In-app notifications are always on.',
    }),
    push: z.array(PushPreference).meta({
      description:
        'The types whose web push is a choice for the caller (staff and workers; empty for clients). Pushes reach only the devices the account subscribed; urgent tickets are always pushed and not listed.',
    }),
  })
  .meta({ id: 'NotificationPreferences' });

const Choices = (what: string) =>
  z
    .record(z.string().max(64), z.boolean())
    .meta({ description: `Type → ${what} on/off. Types left out keep their current choice. A type not in the caller’s list → 400 UNKNOWN_NOTIFICATION_TYPE.` });

export const NotificationPreferencesInput = z
  .object({
    email: Choices('e-mail').optional(),
    push: Choices('web push').optional(),
  })
  .strict()
  .refine((v) => v.email !== undefined || v.push !== undefined, { message: 'give email, push or both' })
  .meta({ id: 'NotificationPreferencesInput' });

export type NotificationPreferencesDto = z.infer<typeof NotificationPreferences>;
export type NotificationPreferencesInputDto = z.infer<typeof NotificationPreferencesInput>;
