import { z } from 'zod';

/** Web push (issue 23 §4) as the API speaks it. Pure: no Node or server imports. */

export const PushPublicKey = z
  .object({
    publicKey: z.string().meta({ description: 'The VAPID public key (URL-safe base64) a browser subscribes with (`applicationServerKey`).' }),
    subscriptions: z.number().int().meta({ description: 'How many devices of the caller are subscribed.' }),
  })
  .meta({ id: 'PushPublicKey' });

export const PushSubscriptionInput = z
  .object({
    endpoint: z.string().min(1).max(1024).meta({ description: 'The push service URL the browser gave (https; at most 1024 characters).' }),
    keys: z
      .object({
        p256dh: z.string().min(1).max(200).meta({ description: 'The browser’s P-256 public key (URL-safe base64).' }),
        auth: z.string().min(1).max(100).meta({ description: 'The browser’s auth secret (URL-safe base64).' }),
      })
      .strict(),
    expirationTime: z.number().nullable().optional().meta({ description: 'As `PushSubscription.toJSON()` gives it; ignored.' }),
  })
  .strict()
  .meta({ id: 'PushSubscriptionInput' });

export const PushSubscriptionDelete = z
  .object({ endpoint: z.string().min(1).max(1024) })
  .strict()
  .meta({ id: 'PushSubscriptionDelete' });

export const PushSubscription = z
  .object({
    id: z.number().int(),
    endpoint: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PushSubscription' });

export type PushPublicKeyDto = z.infer<typeof PushPublicKey>;
export type PushSubscriptionInputDto = z.infer<typeof PushSubscriptionInput>;
export type PushSubscriptionDto = z.infer<typeof PushSubscription>;
