import type { Config } from '../../config/config.js';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import type { JobSender, NotificationsService } from '../notifications/notifications.service.js';
import type { Brand } from '../notifications/templates.js';
import { createPushRepository } from './push.repository.js';
import { createPushSender } from './push-sender.js';
import { createPushService, type PushService } from './push.service.js';

/**
 * Web push (issue 23 §4) from the configuration: the service, and its channel added beside in-app and
 * e-mail when VAPID keys are configured (without them the API says push is off and nothing is pushed).
 */
export function setUpPush(
  push: Config['push'],
  deps: { db: Db; clock: Clock; logger: Logger; notifications: NotificationsService; notificationsRepo: NotificationsRepository; jobs?: JobSender | undefined; brand: () => Promise<Brand> },
): PushService {
  const { vapid, timeoutMs, allowLocalEndpoints } = push;
  const service = createPushService({
    ...deps,
    repo: createPushRepository(deps.db),
    publicKey: vapid?.publicKey ?? null,
    send: vapid ? createPushSender({ vapid, timeoutMs, allowLocalEndpoints }) : null,
    allowLocalEndpoints,
    // The send gives up after its timeout; a minute more covers recording the outcome.
    leaseMs: timeoutMs + 60_000,
  });
  if (service.enabled) deps.notifications.addChannel(service.channel);
  return service;
}
