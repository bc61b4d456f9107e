import type { Queryable } from '../../db/pool.js';
import type { Recipient } from './notifications.repository.js';
import type { Audience, NotificationType } from './templates.js';

/** One notification on its way to one recipient: what every channel receives (already validated). */
export interface ChannelMessage {
  to: Recipient;
  type: NotificationType;
  params: unknown;
  /** The path into the web app the in-app notification carries (push opens the same one). */
  link: string | null;
  at: Date;
  /** E-mail-only values (a temporary password, a reset link); other channels ignore them. */
  secrets?: Record<string, string> | undefined;
}

/**
 * A way a notification reaches someone: in-app (the bell), e-mail, web push — later SMS or WhatsApp.
 * The types (templates.ts) only say what a notification is and how it reads; each channel decides whether
 * it applies to a recipient and type (its own rule and the recipient's preferences) and writes what it
 * delivers in the caller's transaction. Anything slow (a mail server, a push service) is only recorded
 * there and sent after commit by the job queue (`dispatch`), never inside the request.
 */
export interface NotificationChannel {
  /** Stable name: a key of `NotifyResult.deliveries` and of the channel's rows and logs. */
  readonly name: string;
  /** Whether this recipient gets this type on this channel (the channel's rule, then the recipient's choice). */
  applies(q: Queryable, to: Recipient, type: NotificationType): Promise<boolean>;
  /** Records the delivery in the caller's transaction; returns the ids of what was recorded (none: nothing to send). */
  deliver(q: Queryable, message: ChannelMessage): Promise<number[]>;
  /** After commit: queue what `deliver` recorded (a periodic sweep catches anything this misses). */
  dispatch?(ids: number[]): Promise<void>;
  /**
   * The types of an audience whose delivery on this channel the recipient may switch on or off, with the
   * default until they choose (stored in `notification_preferences`, in the column named after the channel).
   * Absent: the channel offers no choice. E-mail's choices come from the registry (`emailDefault`).
   */
  choices?(audience: Audience): Array<{ type: NotificationType; default: boolean }>;
}

/** The channels whose per-type choice is stored beside e-mail's (a column of `notification_preferences`). */
export type ChoiceField = 'email' | 'push';
