import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, createStaff, NEW_PASSWORD, PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { createFieldCipher } from '../../src/lib/field-crypto.js';
import { CALENDAR_URL_CONTEXT } from '../../src/modules/calendars/calendar-sync.js';
import { filesUnder, keysInDatabase, uploadPhotos } from '../fixtures/photo-api.js';

/**
 * The permission matrix of PRODUCT §5, generated from the route table: every route is called by each
 * persona and must answer exactly the status its rule says. A route without a rule fails the suite, so
 * each new endpoint states who may call it here. 400 for an allowed caller means "let through the
 * guard, then refused by validation" (the matrix sends empty bodies to mutations).
 */
type Agent = ReturnType<typeof supertest.agent> | ReturnType<typeof supertest>;
const PERSONAS = ['anonymous', 'master', 'admin', 'worker', 'client', 'otherClient'] as const;
type Persona = (typeof PERSONAS)[number];
type Expect = Record<Persona, number>;

interface Fixtures {
  workerId: number;
  clientId: number;
  propertyId: number;
  notificationId: number;
  orderId: number;
  orderLineId: number;
  serviceId: number;
  demoWorkerId: number;
  jobId: number;
  timeLogId: number;
  paymentId: number;
  receiptId: number;
  clientPaymentId: number;
  ticketId: number;
  requestId: number;
}

interface Rule {
  expect: Expect;
  /** Path parameters; a function when each call needs a target of its own (deactivate, delete…). */
  params?: (f: Fixtures, ctx: Ctx) => Promise<Record<string, number | string>> | Record<string, number | string>;
  body?: Record<string, unknown>;
  /** Calls that end the caller's session run on a fresh session of the persona. */
  freshSession?: boolean;
}

interface Ctx {
  t: TestApp;
  master: ReturnType<typeof supertest.agent>;
}

const all = (status: number): Expect => ({ anonymous: status, master: status, admin: status, worker: status, client: status, otherClient: status });
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
const staffOnly = (status: number): Expect => ({ anonymous: 401, master: status, admin: status, worker: 403, client: 403, otherClient: 403 });
const masterOnly = (status: number): Expect => ({ ...staffOnly(status), admin: 403 });
const clientsOnly = (status: number): Expect => ({ anonymous: 401, master: 403, admin: 403, worker: 403, client: status, otherClient: status });

const worker = (f: Fixtures) => ({ id: f.workerId });
const client = (f: Fixtures) => ({ id: f.clientId });
const property = (f: Fixtures) => ({ id: f.propertyId });
const order = (f: Fixtures) => ({ id: f.orderId });
/** The first tagged item of the fixture order. */
const orderItem = async (f: Fixtures, { t }: Ctx) => ({
  id: (await t.db.query<{ id: number }>(`SELECT id FROM laundry_items WHERE order_id = $1 ORDER BY seq LIMIT 1`, [f.orderId])).rows[0]!.id,
});
const freshWorker = async (_f: Fixtures, { master }: Ctx) => ({ id: (await createStaff(master, {})).user.id });
const freshClient = async (_f: Fixtures, { master }: Ctx) => ({ id: (await createClient(master)).client.id });
const job = (f: Fixtures) => ({ id: f.jobId });
/** A job of its own for each call, assigned to the demo worker (who is first clocked out of any other job). */
async function freshJob(f: Fixtures, { master, t }: Ctx, started: boolean, dueNow = false) {
  await t.db.query(`UPDATE cleaning_time_logs SET ended_at = started_at, end_received_at = started_at WHERE worker_id = $1 AND ended_at IS NULL`, [f.demoWorkerId]);
  // A job due now opens its property's access instructions to the worker: it goes to a property of its own.
  const propertyId = dueNow ? (await master.post(`/api/clients/${f.clientId}/properties`).send({ ...PROPERTY, name: 'Due now' })).body.data.id : f.propertyId;
  const created = await master.post('/api/cleaning-jobs').send({ ...cleaningJob(f), propertyId });
  // A worker's own Start is refused long before the job's time (TOO_EARLY): this one is due now.
  if (dueNow) {
    await t.db.query(`UPDATE cleaning_jobs SET scheduled_start_at = now(), scheduled_end_at = now() + interval '2 hours' WHERE id = $1`, [created.body.data.id]);
  }
  if (started) await master.post(`/api/cleaning-jobs/${created.body.data.id}/start`).send({ workerId: f.demoWorkerId });
  return { id: created.body.data.id as number };
}
/** A photo of its own on the fixture job, uploaded by staff (so the demo worker is not its uploader). */
async function freshPhoto(f: Fixtures, { master }: Ctx) {
  const res = await uploadPhotos(master, f.jobId, [{ bytes: await plainJpeg(64, 48), name: 'matrix.jpg' }], { photoType: 'before' });
  return { id: res.body.data.photos[0].id as number };
}
let sharedPhoto: Promise<{ id: number }> | undefined;
const photo = (f: Fixtures, ctx: Ctx) => (sharedPhoto ??= freshPhoto(f, ctx));
/** A condition photo on the first item of the fixture order, uploaded once by staff. */
let sharedConditionPhoto: Promise<{ id: number }> | undefined;
const conditionPhoto = (f: Fixtures, ctx: Ctx) =>
  (sharedConditionPhoto ??= (async () => {
    const item = await orderItem(f, ctx);
    const res = await ctx.master.post(`/api/laundry-items/${item.id}/condition-photos`).attach('photos', await plainJpeg(64, 48), { filename: 'stain.jpg', contentType: 'image/jpeg' });
    return { id: res.body.data.photos[0].id as number };
  })());
/** A photo sent by staff on the fixture order's conversation, once. */
let sharedMessagePhoto: Promise<{ id: number }> | undefined;
const messagePhoto = (f: Fixtures, ctx: Ctx) =>
  (sharedMessagePhoto ??= (async () => {
    const res = await ctx.master.post(`/api/threads/laundry_order/${f.orderId}/photo-messages`).attach('photos', await plainJpeg(64, 48), { filename: 'ticket.jpg', contentType: 'image/jpeg' });
    return { id: res.body.data.photos[0].id as number };
  })());
/** A condition note and a condition photo of their own for each call, made by staff. */
async function freshConditionNote(f: Fixtures, ctx: Ctx) {
  const item = await orderItem(f, ctx);
  const res = await ctx.master.post(`/api/laundry-items/${item.id}/condition`).send({ kind: 'stain', note: 'matriz' });
  return { id: res.body.data.items[0].notes.at(-1).id as number };
}
async function freshConditionPhoto(f: Fixtures, ctx: Ctx) {
  const item = await orderItem(f, ctx);
  const res = await ctx.master.post(`/api/laundry-items/${item.id}/condition-photos`).attach('photos', await plainJpeg(64, 48), { filename: 'matrix.jpg', contentType: 'image/jpeg' });
  return { id: res.body.data.photos[0].id as number };
}
/** The fixture order, with something noted on it (so its client has something to acknowledge). */
const notedOrder = async (f: Fixtures, ctx: Ctx) => {
  await conditionPhoto(f, ctx);
  return order(f);
};
const cleaningJob = (f: Fixtures) => ({
  clientId: f.clientId,
  propertyId: f.propertyId,
  jobType: 'house',
  // Far ahead: outside the window in which a worker may read the access instructions.
  scheduledDate: '2030-01-15',
  scheduledTime: '10:00',
  estimatedHours: 2,
  workerIds: [f.demoWorkerId],
});
const freshProperty = async (f: Fixtures, { master }: Ctx) => ({
  id: (await master.post(`/api/clients/${f.clientId}/properties`).send({ ...PROPERTY, name: 'Extra' })).body.data.id as number,
});

/** A feed row of the fixture client's property, written directly (saving one through the API reads its address). */
const freshCalendar = async (f: Fixtures, { t }: Ctx) => ({
  id: f.propertyId,
  calendarId: (
    await t.db.query<{ id: number }>(
      `INSERT INTO property_calendars (property_id, label, url_enc, url_host, source, next_sync_at, created_at, updated_at)
       VALUES ($1, 'Matrix', $2, 'calendar.invalid', 'other', now() + interval '1 day', now(), now()) RETURNING id`,
      [f.propertyId, createFieldCipher(t.config.fieldEncryption.key).encrypt('https://calendar.invalid/feed.ics', CALENDAR_URL_CONTEXT)],
    )
  ).rows[0]!.id,
});
const freshTemplate = async (_f: Fixtures, { master }: Ctx) => ({
  id: (await master.post('/api/checklist-templates').send({ name: 'Matrix', sections: [{ title: 'Sala', items: [{ label: 'Aspirar' }] }] })).body.data.id as number,
});
/** A client price of its own for each call, on a fresh client (so calls never overlap each other's days). */
const freshClientPrice = async (_f: Fixtures, { t, master }: Ctx) => {
  const id = (await createClient(master)).client.id;
  const { rows } = await t.db.query<{ id: number }>(
    `INSERT INTO client_prices (client_id, item, price_cents, valid_from, created_at, updated_at) VALUES ($1, 'cleaning_hour', 1200, '2026-01-01', now(), now()) RETURNING id`,
    [id],
  );
  return { id, priceId: rows[0]!.id };
};
const ownerOrStaff = (status: number): Expect => ({ anonymous: 401, master: status, admin: status, worker: 403, client: status, otherClient: 404 });

export const RULES: Record<string, Rule> = {
  // Health, metrics (loopback may scrape) and sign-in.
  'GET /api/healthz': { expect: all(200) },
  'GET /api/readyz': { expect: all(200) },
  'GET /api/metrics': { expect: all(200) },
  'POST /api/auth/login/user': { expect: all(400) },
  'POST /api/auth/login/client': { expect: all(400) },
  'POST /api/auth/logout': { expect: all(200), freshSession: true },
  'GET /api/auth/session': { expect: signedIn(200) },
  'POST /api/auth/change-password': { expect: signedIn(400) },
  'PATCH /api/auth/profile': { expect: signedIn(200) },
  'GET /api/auth/password-reset-options': { expect: all(200) },
  'POST /api/auth/forgot-password': { expect: all(400) },
  'POST /api/auth/reset-password': { expect: all(400) },

  // Staff users: master and admin (an admin only over workers).
  'GET /api/users': { expect: staffOnly(200) },
  'GET /api/role-types': { expect: staffOnly(200) },
  'POST /api/users': { expect: staffOnly(400) },
  'GET /api/users/:id': { expect: staffOnly(200), params: worker },
  'PATCH /api/users/:id': { expect: staffOnly(400), params: worker },
  'POST /api/users/:id/deactivate': { expect: staffOnly(200), params: freshWorker },
  'POST /api/users/:id/reactivate': { expect: staffOnly(200), params: worker },
  'POST /api/users/:id/reset-password': { expect: staffOnly(200), params: worker },

  // Clients: staff; the client their own record; a worker only the contact card of clients on their jobs.
  'GET /api/clients': { expect: staffOnly(200) },
  'POST /api/clients': { expect: staffOnly(400) },
  'GET /api/clients/me': { expect: clientsOnly(200) },
  'PATCH /api/clients/me': { expect: clientsOnly(400) },
  'GET /api/clients/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: client },
  'PATCH /api/clients/:id': { expect: staffOnly(400), params: client },
  'POST /api/clients/:id/deactivate': { expect: staffOnly(200), params: freshClient },
  'POST /api/clients/:id/reactivate': { expect: staffOnly(200), params: client },
  'POST /api/clients/:id/reset-password': { expect: staffOnly(200), params: freshClient },
  'POST /api/clients/:id/reset-link': { expect: staffOnly(201), params: client },
  'GET /api/clients/me/export': { expect: clientsOnly(200) },
  'GET /api/clients/:id/export': { expect: staffOnly(200), params: client },
  'GET /api/clients/:id/prices': { expect: staffOnly(200), params: client },
  'POST /api/clients/:id/prices': { expect: staffOnly(400), params: client },
  'PATCH /api/clients/:id/prices/:priceId': { expect: staffOnly(400), params: freshClientPrice },
  'DELETE /api/clients/:id/prices/:priceId': { expect: staffOnly(204), params: freshClientPrice },
  'POST /api/clients/:id/anonymise': { expect: staffOnly(400), params: client },

  // Properties: staff; the owning client reads; a worker only those of their jobs (access notes only near the job).
  'GET /api/clients/:id/properties': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: client },
  'POST /api/clients/:id/properties': { expect: staffOnly(400), params: client },
  'GET /api/properties/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: property },
  'PATCH /api/properties/:id': { expect: staffOnly(400), params: property },
  'POST /api/properties/:id/make-primary': { expect: staffOnly(200), params: property },
  'POST /api/properties/:id/deactivate': { expect: staffOnly(200), params: freshProperty },
  'POST /api/properties/:id/reactivate': { expect: staffOnly(200), params: property },
  'DELETE /api/properties/:id': { expect: staffOnly(204), params: freshProperty },
  // Short-let calendars: staff and the owning client; another client learns nothing (404). Empty bodies fail validation first.
  'GET /api/properties/:id/calendars': { expect: ownerOrStaff(200), params: property },
  'POST /api/properties/:id/calendars': { expect: { ...ownerOrStaff(400), otherClient: 400 }, params: property },
  'PATCH /api/properties/:id/calendars/:calendarId': { expect: { ...ownerOrStaff(400), otherClient: 400 }, params: freshCalendar },
  'DELETE /api/properties/:id/calendars/:calendarId': { expect: ownerOrStaff(204), params: freshCalendar },
  'POST /api/properties/:id/calendars/:calendarId/sync': { expect: ownerOrStaff(200), params: freshCalendar },
  'GET /api/properties/:id/reservations': { expect: ownerOrStaff(200), params: property },
  'GET /api/properties/:id/linen': { expect: ownerOrStaff(200), params: property },
  'PUT /api/properties/:id/linen': { expect: staffOnly(400), params: property },
  'GET /api/properties/:id/turnover-rule': { expect: ownerOrStaff(200), params: property },
  'PUT /api/properties/:id/turnover-rule': { expect: staffOnly(400), params: property },

  // Settings: master edits, admin reads. Audit log: master and admin read.
  'GET /api/settings': { expect: staffOnly(200) },
  'PATCH /api/settings': { expect: masterOnly(400) },
  'GET /api/business': { expect: all(200) },
  'GET /api/business/details': { expect: staffOnly(200) },
  'PUT /api/business': { expect: masterOnly(400) },
  'PUT /api/business/logo': { expect: masterOnly(400) },
  'DELETE /api/business/logo': { expect: masterOnly(400) },
  'GET /api/business/logo': { expect: all(404) },
  'GET /api/manifest.webmanifest': { expect: all(200) },
  'GET /api/audit-log': { expect: staffOnly(200) },

  // Own notifications, for every signed-in account; someone else's is 404.
  'GET /api/notifications': { expect: signedIn(200) },
  'GET /api/notifications/unread-count': { expect: signedIn(200) },
  'POST /api/notifications/read-all': { expect: signedIn(200) },
  'POST /api/notifications/:id/read': {
    expect: { anonymous: 401, master: 404, admin: 404, worker: 404, client: 200, otherClient: 404 },
    params: (f) => ({ id: f.notificationId }),
  },
  // Own e-mail preferences, for every signed-in account (an empty body fails validation).
  'GET /api/notification-preferences': { expect: signedIn(200) },
  'PUT /api/notification-preferences': { expect: signedIn(400) },
  // Web push: staff and workers only (this app has no VAPID keys: the key is 409; empty bodies fail validation).
  'GET /api/push/public-key': { expect: { anonymous: 401, master: 409, admin: 409, worker: 409, client: 403, otherClient: 403 } },
  'POST /api/push-subscriptions': { expect: { anonymous: 401, master: 400, admin: 400, worker: 400, client: 403, otherClient: 403 } },
  'DELETE /api/push-subscriptions': { expect: { anonymous: 401, master: 400, admin: 400, worker: 400, client: 403, otherClient: 403 } },

  // Laundry: the catalogue for everyone signed in (workers without prices); orders taken and edited by
  // staff; workers process every order; a client reads only their own (another client's is 404).
  'GET /api/laundry-services': { expect: signedIn(200) },
  'PATCH /api/laundry-services/:id': { expect: staffOnly(400), params: (f) => ({ id: f.serviceId }) },
  'POST /api/laundry-orders/price-preview': { expect: staffOnly(400) },
  'POST /api/laundry-orders': { expect: staffOnly(400) },
  'GET /api/laundry-orders': { expect: signedIn(200) },
  'GET /api/laundry-orders/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: order },
  'PATCH /api/laundry-orders/:id': { expect: staffOnly(400), params: order },
  'POST /api/laundry-orders/:id/lines': { expect: staffOnly(400), params: order },
  'DELETE /api/laundry-orders/:id/lines/:lineId': { expect: staffOnly(400), params: (f) => ({ id: f.orderId, lineId: f.orderLineId }) },
  'POST /api/laundry-orders/:id/status': { expect: { ...staffOnly(400), worker: 400 }, params: order },
  'POST /api/laundry-orders/:id/mark-ready': { expect: { ...staffOnly(409), worker: 409 }, params: order },
  'POST /api/laundry-orders/:id/revert': { expect: staffOnly(400), params: order },
  'POST /api/laundry-services': { expect: staffOnly(400) },
  'GET /api/laundry-categories': { expect: signedIn(200) },
  'POST /api/laundry-categories': { expect: staffOnly(400) },
  'PATCH /api/laundry-categories/:id': { expect: staffOnly(400), params: () => ({ id: 1 }) },
  'GET /api/laundry-tags/:code': { expect: { ...staffOnly(404), worker: 404 }, params: () => ({ code: 12345 }) },
  'POST /api/laundry-items/:id/stage': { expect: { ...staffOnly(400), worker: 400 }, params: orderItem },
  'POST /api/laundry-items/:id/revert': { expect: staffOnly(400), params: orderItem },
  'PATCH /api/laundry-items/:id': { expect: staffOnly(400), params: orderItem },
  'GET /api/laundry-racks': { expect: { ...staffOnly(200), worker: 200 } },
  'POST /api/laundry-racks': { expect: staffOnly(400) },
  'PATCH /api/laundry-racks/:id': { expect: staffOnly(400), params: () => ({ id: 1 }) },
  'PUT /api/laundry-orders/:id/rack': { expect: { ...staffOnly(400), worker: 400 }, params: order },
  'GET /api/laundry-orders/:id/labels': { expect: { ...staffOnly(200), worker: 200 }, params: order },
  'GET /api/laundry-orders/:id/condition': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: order },
  'POST /api/laundry-items/:id/condition': { expect: { ...staffOnly(400), worker: 400 }, params: orderItem },
  'POST /api/laundry-items/:id/condition-photos': { expect: { ...staffOnly(400), worker: 400 }, params: orderItem },
  'GET /api/laundry-condition-photos/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: conditionPhoto },
  'GET /api/laundry-condition-photos/:id/thumbnail': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: conditionPhoto },
  'DELETE /api/laundry-conditions/:id': { expect: staffOnly(200), params: freshConditionNote },
  'DELETE /api/laundry-condition-photos/:id': { expect: staffOnly(200), params: freshConditionPhoto },
  'POST /api/laundry-orders/:id/condition/acknowledge': { expect: { anonymous: 401, master: 403, admin: 403, worker: 403, client: 200, otherClient: 404 }, params: notedOrder },
  'GET /api/laundry-orders/:id/ticket': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: order },

  // Cleaning jobs: booked, edited, cancelled and corrected by staff; seen by staff, the assigned
  // worker (no prices) and the owning client (another client's is 404); started, ended and completed
  // on site by the assigned worker or by staff naming the worker (an empty staff press is refused).
  'POST /api/cleaning-jobs': { expect: staffOnly(400) },
  'GET /api/cleaning-jobs': { expect: signedIn(200) },
  'GET /api/cleaning-jobs/today': { expect: { anonymous: 401, master: 403, admin: 403, worker: 200, client: 403, otherClient: 403 } },
  'GET /api/cleaning-jobs/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: job },
  'PATCH /api/cleaning-jobs/:id': { expect: staffOnly(400), params: job },
  'POST /api/cleaning-jobs/:id/start': { expect: { ...staffOnly(400), worker: 200 }, params: (f, ctx) => freshJob(f, ctx, false, true) },
  'POST /api/cleaning-jobs/:id/end': { expect: { ...staffOnly(400), worker: 200 }, params: (f, ctx) => freshJob(f, ctx, true) },
  'POST /api/cleaning-jobs/:id/complete': { expect: { ...staffOnly(409), worker: 409 }, params: (f, ctx) => freshJob(f, ctx, true) },
  'POST /api/cleaning-jobs/:id/cancel': { expect: staffOnly(400), params: job },
  'PATCH /api/cleaning-jobs/:id/time-logs/:logId': { expect: staffOnly(400), params: (f) => ({ id: f.jobId, logId: f.timeLogId }) },

  // Photos: uploaded by staff and the assigned worker (the matrix sends no file: NO_FILES); seen by
  // whoever sees the job (another client's is 404); deleted by staff or their uploader (here staff).
  'POST /api/cleaning-jobs/:id/photos': { expect: { ...staffOnly(400), worker: 400 }, params: job },
  'GET /api/checklist-templates': { expect: staffOnly(200) },
  'POST /api/checklist-templates': { expect: staffOnly(400) },
  'GET /api/checklist-templates/:id': { expect: staffOnly(200), params: freshTemplate },
  'PUT /api/checklist-templates/:id': { expect: staffOnly(400), params: freshTemplate },
  'DELETE /api/checklist-templates/:id': { expect: staffOnly(204), params: freshTemplate },
  'GET /api/cleaning-jobs/:id/checklist': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: job },
  'POST /api/cleaning-jobs/:id/checklist/items/:itemId': { expect: { ...staffOnly(400), worker: 400 }, params: (f) => ({ id: f.jobId, itemId: 1 }) },
  // The fixture job is not completed: its report is not ready for those who may see it.
  'GET /api/cleaning-jobs/:id/report': { expect: { anonymous: 401, master: 409, admin: 409, worker: 403, client: 409, otherClient: 404 }, params: job },
  'POST /api/cleaning-jobs/:id/report-links': { expect: { anonymous: 401, master: 409, admin: 409, worker: 403, client: 409, otherClient: 404 }, params: job },
  'GET /api/cleaning-jobs/:id/report-links': { expect: { anonymous: 401, master: 409, admin: 409, worker: 403, client: 409, otherClient: 404 }, params: job },
  'DELETE /api/report-links/:id': { expect: { anonymous: 401, master: 404, admin: 404, worker: 403, client: 404, otherClient: 404 }, params: () => ({ id: 999999 }) },
  // A shared report is public: anyone with a live token; an unknown one is 404 for everyone.
  'GET /api/shared-reports/:token': { expect: { anonymous: 404, master: 404, admin: 404, worker: 404, client: 404, otherClient: 404 }, params: () => ({ token: 'A'.repeat(22) as unknown as number }) },
  'GET /api/shared-reports/:token/photos/:photoId': { expect: { anonymous: 404, master: 404, admin: 404, worker: 404, client: 404, otherClient: 404 }, params: () => ({ token: 'A'.repeat(22) as unknown as number, photoId: 1 }) },
  'GET /api/shared-reports/:token/photos/:photoId/thumbnail': { expect: { anonymous: 404, master: 404, admin: 404, worker: 404, client: 404, otherClient: 404 }, params: () => ({ token: 'A'.repeat(22) as unknown as number, photoId: 1 }) },
  'GET /api/cleaning-jobs/:id/issues': { expect: { ...staffOnly(200), worker: 200 }, params: job },
  'POST /api/cleaning-jobs/:id/issues': { expect: { ...staffOnly(400), worker: 400 }, params: job },
  'GET /api/cleaning-jobs/:id/linen': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: job },
  'PUT /api/cleaning-jobs/:id/linen': { expect: { ...staffOnly(400), worker: 400 }, params: job },
  'POST /api/cleaning-jobs/:id/checklist-waiver': { expect: staffOnly(400), params: job },
  'GET /api/cleaning-jobs/:id/photos': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: job },
  'GET /api/cleaning-jobs/:id/photos/summary': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: job },
  'POST /api/cleaning-jobs/:id/after-photo-waiver': { expect: staffOnly(400), params: job },
  'GET /api/photos/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: photo },
  'GET /api/photos/:id/thumbnail': { expect: { anonymous: 401, master: 200, admin: 200, worker: 200, client: 200, otherClient: 404 }, params: photo },
  'DELETE /api/photos/:id': { expect: { ...staffOnly(204), worker: 403 }, params: freshPhoto },

  // Money: payments, reports and exports are finance (master/admin); a client reads and downloads
  // their own receipts (another client's is 404); workers get none of it.
  'POST /api/payments': { expect: staffOnly(400) },
  'POST /api/payments/refunds': { expect: staffOnly(400) },
  'GET /api/payments': { expect: staffOnly(200) },
  'GET /api/payments/totals': { expect: staffOnly(200) },
  'GET /api/payments/:id': { expect: staffOnly(200), params: (f) => ({ id: f.paymentId }) },
  'POST /api/payments/:id/void': { expect: staffOnly(400), params: (f) => ({ id: f.paymentId }) },
  'POST /api/receipts': { expect: staffOnly(400) },
  'GET /api/receipts': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 200 } },
  'GET /api/clients/:id/account': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: client },
  'GET /api/clients/:id/account/documents': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: client },
  'GET /api/clients/:id/statements': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: client },
  'GET /api/clients/:id/statements/:month': {
    expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 },
    params: (f) => ({ id: f.clientId, month: '2025-01' as unknown as number }),
  },
  'GET /api/account': { expect: clientsOnly(200) },
  'GET /api/account/documents': { expect: clientsOnly(200) },
  'GET /api/account/statements': { expect: clientsOnly(200) },
  'GET /api/account/statements/:month': { expect: clientsOnly(200), params: () => ({ month: '2025-01' as unknown as number }) },
  'POST /api/clients/:id/payments': { expect: staffOnly(400), params: client },
  'GET /api/clients/:id/payments': { expect: staffOnly(200), params: client },
  'GET /api/account/payments': { expect: clientsOnly(200) },
  'GET /api/client-payments/:id': {
    expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 },
    params: (f) => ({ id: f.clientPaymentId }),
  },
  'GET /api/client-payments/:id/pdf': {
    expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 },
    params: (f) => ({ id: f.clientPaymentId }),
  },
  'GET /api/receivables': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 200 } },
  'GET /api/receivables/summary': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 200 } },
  'GET /api/receipts/:id': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: (f) => ({ id: f.receiptId }) },
  'GET /api/receipts/:id/pdf': { expect: { anonymous: 401, master: 200, admin: 200, worker: 403, client: 200, otherClient: 404 }, params: (f) => ({ id: f.receiptId }) },
  'GET /api/reports/vat/quarterly': { expect: staffOnly(400) },
  'GET /api/reports/vat/annual': { expect: staffOnly(400) },
  'GET /api/reports/revenue': { expect: staffOnly(400) },
  'GET /api/reports/cash': { expect: staffOnly(400) },
  'GET /api/reports/timesheet': { expect: staffOnly(400) },
  // One dashboard for everyone signed in; the answer is shaped by role (tests/api/dashboard.test.ts).
  'GET /api/dashboard': { expect: signedIn(200) },
  'GET /api/exports/clients.csv': { expect: staffOnly(200) },
  'GET /api/exports/laundry-orders.csv': { expect: staffOnly(200) },
  'GET /api/exports/cleaning-jobs.csv': { expect: staffOnly(200) },
  'GET /api/exports/payments.csv': { expect: staffOnly(200) },
  'GET /api/exports/timesheets.csv': { expect: staffOnly(200) },
  // Spreadsheet imports: master and admin. An import nobody made is 404; empty bodies are 400.
  'POST /api/imports': { expect: staffOnly(400) },
  'GET /api/imports': { expect: staffOnly(200) },
  'GET /api/imports/templates/:kind': { expect: staffOnly(400) },
  'GET /api/imports/:id': { expect: staffOnly(404) },
  'GET /api/imports/:id/rows': { expect: staffOnly(404) },
  'PUT /api/imports/:id/mapping': { expect: staffOnly(400) },
  'POST /api/imports/:id/commit': { expect: staffOnly(400) },
  'POST /api/imports/:id/undo': { expect: staffOnly(404) },
  'DELETE /api/imports/:id': { expect: staffOnly(404) },

  // Tickets: every staff member reports and sees their own (the fixture is the demo worker's); admins run them.
  'GET /api/threads': { expect: signedIn(200) },
  'GET /api/threads/unread-count': { expect: signedIn(200) },
  'GET /api/threads/assignees': { expect: staffOnly(200) },
  // A conversation nobody may see answers 404, as if it did not exist; mutations with empty bodies are refused by validation first.
  'GET /api/threads/:subject/:subjectId': { expect: { ...signedIn(200), worker: 404, otherClient: 404 }, params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'GET /api/threads/:subject/:subjectId/messages': { expect: { ...signedIn(200), worker: 404, otherClient: 404 }, params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'POST /api/threads/:subject/:subjectId/messages': { expect: signedIn(400), params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'POST /api/threads/:subject/:subjectId/photo-messages': { expect: { ...signedIn(400), worker: 404, otherClient: 404 }, params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'GET /api/attached-photos/:id': { expect: { ...signedIn(200), worker: 404, otherClient: 404 }, params: messagePhoto },
  'GET /api/attached-photos/:id/thumbnail': { expect: { ...signedIn(200), worker: 404, otherClient: 404 }, params: messagePhoto },
  'POST /api/threads/:subject/:subjectId/read': { expect: signedIn(400), params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'PUT /api/threads/:subject/:subjectId/assignee': { expect: staffOnly(400), params: (f) => ({ subject: 'laundry_order', subjectId: f.orderId }) },
  'POST /api/requests': { expect: clientsOnly(400) },
  'GET /api/requests': { expect: { ...staffOnly(200), client: 200, otherClient: 200 } },
  'GET /api/requests/counts': { expect: staffOnly(200) },
  'GET /api/requests/:id': { expect: { ...staffOnly(200), client: 200, otherClient: 404 }, params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/propose': { expect: staffOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/accept-proposal': { expect: clientsOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/decline-proposal': { expect: clientsOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/cancel': { expect: clientsOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/decline': { expect: staffOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/photos': { expect: { ...clientsOnly(400), otherClient: 404 }, params: (f) => ({ id: f.requestId }) },
  'GET /api/requests/:id/prefill': { expect: staffOnly(200), params: (f) => ({ id: f.requestId }) },
  'POST /api/requests/:id/accept': { expect: staffOnly(400), params: (f) => ({ id: f.requestId }) },
  'POST /api/tickets': { expect: { ...staffOnly(400), worker: 400 } },
  'GET /api/tickets': { expect: { ...staffOnly(200), worker: 200 } },
  'GET /api/tickets/:id': { expect: { ...staffOnly(200), worker: 200 }, params: (f) => ({ id: f.ticketId }) },
  'PATCH /api/tickets/:id': { expect: staffOnly(400), params: (f) => ({ id: f.ticketId }) },
  'POST /api/tickets/:id/resolve': { expect: staffOnly(400), params: (f) => ({ id: f.ticketId }) },
  'POST /api/tickets/:id/close': { expect: staffOnly(400), params: (f) => ({ id: f.ticketId }) },
  'POST /api/tickets/:id/reopen': { expect: staffOnly(400), params: (f) => ({ id: f.ticketId }) },
  'GET /api/tickets/:id/comments': { expect: { ...staffOnly(200), worker: 200 }, params: (f) => ({ id: f.ticketId }) },
  'POST /api/tickets/:id/comments': { expect: { ...staffOnly(400), worker: 400 }, params: (f) => ({ id: f.ticketId }) },
};

describe('RBAC matrix over the route table', () => {
  let t: TestApp;
  let uploads: string;
  let ctx: Ctx;
  let fixtures: Fixtures;
  const agents = new Map<Persona, Agent>();
  const clientPhones = new Map<Persona, string>();

  async function signInAs(persona: Persona): Promise<Agent> {
    if (persona === 'anonymous') return t.request;
    if (persona === 'client' || persona === 'otherClient') {
      const agent = supertest.agent(t.app);
      await agent.post('/api/auth/login/client').send({ phone: clientPhones.get(persona), password: NEW_PASSWORD });
      return agent;
    }
    return t.signIn(persona);
  }

  beforeAll(async () => {
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'rbac-uploads-'));
    t = await createTestApp({ env: { UPLOADS_DIR: uploads } });
    const master = await t.signIn('master');
    ctx = { t, master };
    const owner = await signedInClient(t, master);
    const other = await signedInClient(t, master);
    clientPhones.set('client', owner.client.phone).set('otherClient', other.client.phone);
    const property = await master.post(`/api/clients/${owner.client.id}/properties`).send(PROPERTY);
    const notification = await owner.agent.get('/api/notifications');
    const serviceId = (await t.db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = 'DRY_CLEAN'`)).rows[0]!.id;
    const laundryOrder = await master
      .post('/api/laundry-orders')
      .send({ clientId: owner.client.id, orderType: 'itemized', lines: [{ serviceId, quantity: 1 }, { serviceId, quantity: 2 }] });
    const demoWorkerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    const partial = { clientId: owner.client.id, propertyId: property.body.data.id, demoWorkerId } as Fixtures;
    const cleaning = (await master.post('/api/cleaning-jobs').send(cleaningJob(partial))).body.data;
    const logged = await freshJob(partial, ctx, true);
    const closed = await master.post(`/api/cleaning-jobs/${logged.id}/end`).send({ workerId: demoWorkerId });
    const payment = await master.post('/api/payments').send({ laundryOrderId: laundryOrder.body.data.id, amountCents: 100, method: 'cash' });
    const receipt = await master.post('/api/receipts').send({ laundryOrderId: laundryOrder.body.data.id });
    const clientPayment = await master.post(`/api/clients/${owner.client.id}/payments`).send({ amountCents: 100, method: 'cash' });
    const ticket = await t.db.query<{ id: number }>(
      `INSERT INTO tickets (title, description, priority, created_by, created_at, updated_at) VALUES ('Falta detergente', 'Armário vazio', 'high', $1, now(), now()) RETURNING id`,
      [demoWorkerId],
    );
    const request = await t.db.query<{ id: number }>(
      `INSERT INTO client_requests (client_id, kind, property_id, preferred_date, window_start, window_end, created_at, updated_at)
       VALUES ($1, 'pickup', $2, '2999-01-01', '09:00', '12:00', now(), now()) RETURNING id`,
      [owner.client.id, property.body.data.id],
    );
    fixtures = {
      requestId: request.rows[0]!.id,
      paymentId: payment.body.data.payment.id,
      receiptId: receipt.body.data.id,
      clientPaymentId: clientPayment.body.data.clientPayment.id,
      ticketId: ticket.rows[0]!.id,
      demoWorkerId,
      jobId: cleaning.id,
      timeLogId: closed.body.data.timeLogs[0].id,
      workerId: (await createStaff(master, {})).user.id,
      clientId: owner.client.id,
      propertyId: property.body.data.id,
      notificationId: notification.body.data[0].id,
      orderId: laundryOrder.body.data.id,
      orderLineId: laundryOrder.body.data.lines[0].id,
      serviceId,
    };
    for (const persona of PERSONAS) agents.set(persona, await signInAs(persona));
  });
  afterAll(async () => {
    try {
      // Photos uploaded and deleted by every persona leave storage and database in step (issue 7).
      expect(filesUnder(uploads)).toEqual(await keysInDatabase(t.db));
    } finally {
      await t.close();
      fs.rmSync(uploads, { recursive: true, force: true });
    }
  });

  it('when the route table is read, then every route has a rule and every rule names a route', () => {
    const keys = t.built.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(keys.filter((k) => !RULES[k]), 'routes without a rule').toEqual([]);
    expect(Object.keys(RULES).filter((k) => !keys.includes(k)), 'rules without a route').toEqual([]);
  });

  it('when every route is called by every persona, then each answers exactly the status of its rule', async () => {
    const mismatches: string[] = [];
    for (const entry of t.built.routes) {
      const key = `${entry.method.toUpperCase()} ${entry.path}`;
      const rule = RULES[key];
      if (!rule) continue;
      for (const persona of PERSONAS) {
        const params = rule.params ? await rule.params(fixtures, ctx) : {};
        const path = entry.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => String(params[name] ?? 1));
        const agent = rule.freshSession ? await signInAs(persona) : agents.get(persona)!;
        const res = await agent[entry.method](path).send(entry.method === 'get' || entry.method === 'delete' ? undefined : (rule.body ?? {}));
        if (res.status !== rule.expect[persona]) mismatches.push(`${key} as ${persona}: expected ${rule.expect[persona]}, got ${res.status} ${res.body?.error?.code ?? ''}`);
        if (res.status === 401) expect(res.body.error.code, key).toBe('UNAUTHENTICATED');
      }
    }
    expect(mismatches).toEqual([]);
    // Hundreds of calls: give the walk room on a loaded machine.
  }, 120_000);

  it('when a worker calls anything about clients, then no NIF, date of birth, notes or prices come back', async () => {
    const w = agents.get('worker')!;
    const bodies = await Promise.all([
      w.get(`/api/clients/${fixtures.clientId}`),
      w.get(`/api/properties/${fixtures.propertyId}`),
      w.get(`/api/clients/${fixtures.clientId}/properties`),
      w.get('/api/clients'),
      w.get('/api/settings'),
    ]);
    for (const res of bodies) expect(JSON.stringify(res.body)).not.toMatch(/"nif"|"dateOfBirth"|"notes"|Cents"|"accessInstructions"/);
  });
});
