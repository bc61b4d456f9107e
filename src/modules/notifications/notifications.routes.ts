import type { Request } from 'express';
import { MarkedRead, Notification, NotificationPreferences, NotificationPreferencesInput, UnreadCount } from '../../contracts/notifications.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import type { Actor } from '../../lib/request-context.js';
import { NotificationListQuery } from './notifications.schemas.js';
import type { NotificationsService, Recipient } from './notifications.service.js';
import { audienceOf } from './templates.js';

const TAGS = ['Notifications'];

const recipientOf = (actor: Actor | undefined): Recipient => ({ type: actor!.type, id: actor!.id });
const localeOf = (req: Request) => req.session.auth?.locale ?? 'pt';

export function notificationsRoutes(routes: Routes, { notifications }: { notifications: NotificationsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/notifications',
      summary: 'The caller’s notifications, newest first, rendered in their language',
      tags: TAGS,
      access: 'authenticated',
      query: NotificationListQuery,
      response: Notification,
      list: true,
    },
    ({ query, actor, req }) => notifications.list(recipientOf(actor), localeOf(req), query.unread ?? false, query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/notifications/unread-count',
      summary: 'How many of the caller’s notifications are unread (the bell badge)',
      tags: TAGS,
      access: 'authenticated',
      response: UnreadCount,
    },
    async ({ actor }) => ({ count: await notifications.unreadCount(recipientOf(actor)) }),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/notifications/read-all',
      summary: 'Mark every notification of the caller read',
      tags: TAGS,
      access: 'authenticated',
      response: MarkedRead,
    },
    async ({ actor }) => ({ updated: await notifications.markAllRead(recipientOf(actor)) }),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Mark one of the caller’s notifications read',
      tags: TAGS,
      access: 'authenticated',
      params: IdParams,
      response: Notification,
      errors: { 404: 'NOT_FOUND — no such notification for the caller.' },
    },
    ({ params, actor, req }) => notifications.markRead(recipientOf(actor), localeOf(req), params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/notification-preferences',
      summary: 'The caller’s e-mail choice per notification type of their audience (in-app is always on)',
      tags: TAGS,
      access: 'authenticated',
      response: NotificationPreferences,
    },
    ({ actor }) => notifications.preferences(recipientOf(actor), audienceOf(actor!.role)),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/notification-preferences',
      summary: 'Switch the e-mail of some notification types on or off for the caller',
      tags: TAGS,
      access: 'authenticated',
      body: NotificationPreferencesInput,
      response: NotificationPreferences,
      errors: { 400: 'UNKNOWN_NOTIFICATION_TYPE — a type that is not a choice for the caller (nothing is stored).' },
    },
    ({ body, actor }) => notifications.setPreferences(recipientOf(actor), audienceOf(actor!.role), body),
  );
}
