import { api } from '@/lib/api-client';

/**
 * Web push on this device. Nothing here runs at start-up: the service worker is registered only when the
 * user switches "Notifications on this device" on (or already has, which `deviceSubscription` finds without
 * registering anything), so the first load stays as it was.
 */

const SW_URL = '/sw.js';

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The browser's current subscription for this site, if this device was switched on before. */
export async function deviceSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export type EnableOutcome = 'on' | 'denied';

/** Asks for permission, registers the service worker, subscribes with the server's VAPID key and tells the server. */
export async function enableDevicePush(): Promise<EnableOutcome> {
  const { publicKey } = await api.get<{ publicKey: string }>('/api/push/public-key');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  await navigator.serviceWorker.register(SW_URL, { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  await api.post('/api/push-subscriptions', subscription.toJSON());
  return 'on';
}

/** Tells the server to stop, then drops the browser's subscription. */
export async function disableDevicePush(): Promise<void> {
  const subscription = await deviceSubscription();
  if (!subscription) return;
  await api.delete('/api/push-subscriptions', { body: { endpoint: subscription.endpoint } }).catch((err: unknown) => {
    // Already gone on the server (removed there, or another account's now): the browser's copy still goes.
    if ((err as { status?: number }).status !== 404) throw err;
  });
  await subscription.unsubscribe();
}
