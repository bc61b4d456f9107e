import { PushPublicKey, PushSubscription, PushSubscriptionDelete, PushSubscriptionInput } from '../../contracts/push.js';
import { route, type Routes } from '../../http/endpoint.js';
import type { PushService } from './push.service.js';

const TAGS = ['Notifications'];
/** Push is for the people who act on notifications at work: staff and workers (clients get 403). */
const PUSH_ROLES = ['master', 'admin', 'worker'] as const;
const DISABLED = 'PUSH_NOT_CONFIGURED — web push is off on this server (no VAPID keys configured).';

export function pushRoutes(routes: Routes, { push }: { push: PushService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/push/public-key',
      summary: 'The VAPID public key a browser subscribes with, and how many of the caller’s devices are subscribed',
      tags: TAGS,
      access: PUSH_ROLES,
      response: PushPublicKey,
      errors: { 409: DISABLED },
    },
    ({ actor }) => push.publicKey(actor!.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/push-subscriptions',
      summary: 'Subscribe this device to web push (the browser’s PushSubscription); the same endpoint again updates it',
      description:
        'Idempotent on the endpoint: subscribing again refreshes the keys and keeps one row (a device now signed in to another account moves to it). Which types are pushed follows the push choices of `GET /api/notification-preferences`.',
      tags: TAGS,
      access: PUSH_ROLES,
      body: PushSubscriptionInput,
      status: 201,
      response: PushSubscription,
      errors: {
        400: 'VALIDATION_FAILED, PUSH_ENDPOINT_INVALID (not an https URL), PUSH_KEYS_INVALID (not a browser’s P-256 key and 16-byte auth secret).',
        409: DISABLED,
      },
    },
    ({ body, actor, req }) => push.subscribe(actor!.id, body, req.get('user-agent') ?? null),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/push-subscriptions',
      summary: 'Unsubscribe one of the caller’s devices, by its endpoint',
      tags: TAGS,
      access: PUSH_ROLES,
      body: PushSubscriptionDelete,
      status: 204,
      errors: { 404: 'NOT_FOUND — no subscription of the caller with that endpoint (another account’s is never touched).' },
    },
    async ({ body, actor }) => {
      await push.unsubscribe(actor!.id, body.endpoint);
    },
  );
}
