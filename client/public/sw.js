// The web app's service worker: it only shows web pushes (staff and workers who switched "Notifications on
// this device" on) and opens their link when one is clicked. It caches nothing and never touches requests.
'use strict';

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** Only paths of this site are opened (a push carries the in-app link, e.g. /admin/tickets/12). */
function sameSitePath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.includes('\\') ? url : '/';
}

/** What a push carries: { title, body, url, tag } — the in-app notification's title, text and link. */
function readPush(event) {
  try {
    const data = event.data ? event.data.json() : {};
    return data && typeof data === 'object' ? data : {};
  } catch {
    return { body: event.data ? event.data.text() : '' };
  }
}

self.addEventListener('push', (event) => {
  const data = readPush(event);
  const title = typeof data.title === 'string' && data.title ? data.title : 'Lavandaria';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag: typeof data.tag === 'string' ? data.tag : undefined,
      icon: '/favicon.svg',
      data: { url: sameSitePath(data.url) },
    }),
  );
});

/** Focuses an open window of the app on the link, or opens one. */
async function openApp(path) {
  const url = new URL(sameSitePath(path), self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin !== self.location.origin) continue;
    // Focus is allowed while a notification click is handled; elsewhere the browser refuses it.
    const focused = await client.focus().catch(() => client);
    const navigated = await focused.navigate(url).catch(() => null);
    return navigated ?? focused;
  }
  return self.clients.openWindow(url);
}
self.openApp = openApp;

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openApp(event.notification.data && event.notification.data.url));
});
