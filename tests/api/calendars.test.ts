import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { startFeedServer, type FeedServer } from '../helpers/ical-feed-server.js';

type Agent = ReturnType<typeof supertest.agent>;

interface Reservation {
  id: number;
  checkIn: string;
  checkOut: string;
  status: string;
  source: string;
  job: { id: number; status: string; scheduledStartAt: string; backToBack: boolean; deadlineAt: string | null } | null;
}

describe('short-let calendars and turnovers', () => {
  let t: TestApp;
  let feeds: FeedServer;
  let admin: Agent;
  let client: Agent;
  let worker: Agent;
  let otherClient: Agent;
  let clientId: number;
  let workerId: number;
  let propertyId: number;
  let calendarId: number;

  const reservations = async (id = propertyId): Promise<Reservation[]> => {
    const res = await admin.get(`/api/properties/${id}/reservations`).expect(200);
    return res.body.data as Reservation[];
  };
  const byCheckIn = (list: Reservation[], checkIn: string) => list.find((r) => r.checkIn === checkIn)!;
  const notificationsOf = async (type: string, userId: number) =>
    (await t.db.query<{ params: { jobId: number; date?: string } }>(`SELECT params FROM notifications WHERE type = $1 AND user_id = $2 ORDER BY id`, [type, userId])).rows.map((r) => r.params);
  const syncNow = (id = calendarId, agent = admin, property = propertyId) => agent.post(`/api/properties/${property}/calendars/${id}/sync`);

  beforeAll(async () => {
    feeds = await startFeedServer();
    t = await createTestApp({ env: { CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'true', CALENDAR_FETCH_TIMEOUT_MS: '700', CALENDAR_MAX_BYTES: '65536' } });
    admin = await t.signIn('admin');
    client = await t.signIn('client');
    worker = await t.signIn('worker');
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    otherClient = (await signedInClient(t, admin)).agent;
    propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Alfama Loft' }).expect(201)).body.data.id;
    // Sessions were made at the real time; the business clock now stands on 1 June 2026 (Lisbon morning).
    t.clock.set('2026-06-01T08:00:00Z');
  });
  afterAll(async () => {
    await t?.close();
    await feeds?.close();
  });

  describe('saving a feed (validated by reading it once)', () => {
    it('when the address is not http(s), then 400 CALENDAR_URL_INVALID', async () => {
      const res = await admin.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: 'file:///etc/passwd' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CALENDAR_URL_INVALID');
    });

    it('when the address answers HTML, then 422 CALENDAR_NOT_ICAL', async () => {
      feeds.serve('/page.html', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Log in</body></html>'));
      const res = await admin.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: feeds.url('/page.html') });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CALENDAR_NOT_ICAL');
    });

    it('when the address never answers, then 422 CALENDAR_TIMEOUT', async () => {
      feeds.serve('/slow.ics', () => undefined);
      const res = await admin.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: feeds.url('/slow.ics') });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CALENDAR_TIMEOUT');
    });

    it('when the feed is over the size cap, then 422 CALENDAR_TOO_LARGE', async () => {
      const big = `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(70_000)}\r\nEND:VCALENDAR\r\n`;
      feeds.serve('/big.ics', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/calendar' }).end(big));
      const res = await admin.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: feeds.url('/big.ics') });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CALENDAR_TOO_LARGE');
    });

    it('when the address answers an error status, then 422 CALENDAR_HTTP_ERROR', async () => {
      const res = await admin.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: feeds.url('/missing.ics') });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CALENDAR_HTTP_ERROR');
    });

    it('when another client or a worker asks for the property’s calendars, then 404', async () => {
      await otherClient.get(`/api/properties/${propertyId}/calendars`).expect(404);
      await otherClient.post(`/api/properties/${propertyId}/calendars`).send({ label: 'X', url: feeds.url('/a.ics') }).expect(404);
      await worker.get(`/api/properties/${propertyId}/calendars`).expect(403);
    });

    it('when the owning client adds their Airbnb feed, then it is saved with its source and they can read it back', async () => {
      feeds.serve('/airbnb.ics', 'airbnb-1-three-stays.ics');
      const res = await client.post(`/api/properties/${propertyId}/calendars`).send({ label: 'Airbnb', url: feeds.url('/airbnb.ics') });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ label: 'Airbnb', source: 'airbnb', includeBlocked: false, isActive: true, lastSuccessAt: null });
      calendarId = res.body.data.id;
      const list = await client.get(`/api/properties/${propertyId}/calendars`).expect(200);
      expect(list.body.data.map((c: { id: number }) => c.id)).toEqual([calendarId]);
      // The export URL carries the listing's secret: stored encrypted, never in clear.
      const stored = await t.db.query<{ url_enc: string }>(`SELECT url_enc FROM property_calendars WHERE id = $1`, [calendarId]);
      expect(stored.rows[0]!.url_enc).not.toContain('airbnb.ics');
    });
  });

  describe('the sync walks create → move → cancel → back-to-back', () => {
    it('when the rule names a worker and the feed holds three future stays, then three scheduled airbnb jobs on the check-out days', async () => {
      await admin.put(`/api/properties/${propertyId}/turnover-rule`).send({ cleanTime: '11:00', estimatedHours: 3, checkInTime: '15:00', workerIds: [workerId], version: 0 }).expect(200);
      const res = await syncNow().expect(200);
      expect(res.body.data).toMatchObject({ status: 'synced', created: 3, moved: 0, cancelled: 0, skipped: 2 });
      expect(res.body.data.calendar).toMatchObject({ lastEventCount: 4, lastSkippedCount: 2, lastError: null });

      const list = await reservations();
      // The past stay is kept without a job; the blocked dates are no reservation at all.
      expect(list.map((r) => [r.checkIn, r.checkOut, r.status, r.source])).toEqual([
        ['2026-05-20', '2026-05-25', 'confirmed', 'airbnb'],
        ['2026-06-03', '2026-06-06', 'confirmed', 'airbnb'],
        ['2026-06-08', '2026-06-12', 'confirmed', 'airbnb'],
        ['2026-06-15', '2026-06-20', 'confirmed', 'airbnb'],
      ]);
      expect(list[0]!.job).toBeNull();
      const jobs = await Promise.all(list.slice(1).map((r) => admin.get(`/api/cleaning-jobs/${r.job!.id}`).expect(200)));
      expect(jobs.map((j) => [j.body.data.jobType, j.body.data.status, j.body.data.scheduledDate, j.body.data.scheduledTime, j.body.data.estimatedHours])).toEqual([
        ['airbnb', 'scheduled', '2026-06-06', '11:00', 3],
        ['airbnb', 'scheduled', '2026-06-12', '11:00', 3],
        ['airbnb', 'scheduled', '2026-06-20', '11:00', 3],
      ]);
      expect(jobs.every((j) => j.body.data.workers[0].id === workerId)).toBe(true);
      expect((await notificationsOf('cleaning.assigned', workerId)).map((p) => p.jobId)).toEqual(list.slice(1).map((r) => r.job!.id));
      // No guest data is stored: the reservation row has dates, source and UID only.
      const cols = await t.db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'reservations'`);
      expect(cols.rows.map((c) => c.column_name).filter((c) => /name|phone|email|guest|summary|description/.test(c))).toEqual([]);
    });

    it('when the feed has not changed, then the conditional request is answered 304 and nothing moves', async () => {
      const res = await syncNow().expect(200);
      expect(res.body.data).toMatchObject({ status: 'not_modified', created: 0 });
      const last = feeds.requests.filter((r) => r.path === '/airbnb.ics').at(-1)!;
      expect(last.status).toBe(304);
      expect(last.ifNoneMatch).toMatch(/^"[0-9a-f]{40}"$/);
    });

    it('when a stay moves a day later, then its job moves and its worker and staff are told', async () => {
      const jobId = byCheckIn(await reservations(), '2026-06-08').job!.id;
      feeds.serve('/airbnb.ics', 'airbnb-2-stay-moved.ics');
      const res = await syncNow().expect(200);
      expect(res.body.data).toMatchObject({ status: 'synced', created: 0, moved: 1, cancelled: 0 });
      const moved = byCheckIn(await reservations(), '2026-06-09');
      expect(moved.checkOut).toBe('2026-06-13');
      expect(moved.job!.id).toBe(jobId);
      const job = (await admin.get(`/api/cleaning-jobs/${jobId}`).expect(200)).body.data;
      expect([job.scheduledDate, job.scheduledTime, job.status]).toEqual(['2026-06-13', '11:00', 'scheduled']);
      expect(await notificationsOf('cleaning.rescheduled', workerId)).toEqual([expect.objectContaining({ jobId, date: '2026-06-13', previousDate: '2026-06-12' })]);
      const adminId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0]!.id;
      expect(await notificationsOf('turnover.moved', adminId)).toEqual([expect.objectContaining({ jobId, date: '2026-06-13', previousDate: '2026-06-12' })]);
    });

    it('when a stay disappears from the feed, then its job is cancelled with the reason "reserva cancelada"', async () => {
      const gone = byCheckIn(await reservations(), '2026-06-15');
      feeds.serve('/airbnb.ics', 'airbnb-3-stay-cancelled.ics');
      const res = await syncNow().expect(200);
      expect(res.body.data).toMatchObject({ status: 'synced', created: 0, moved: 0, cancelled: 1 });
      const job = (await admin.get(`/api/cleaning-jobs/${gone.job!.id}`).expect(200)).body.data;
      expect([job.status, job.cancelReason]).toEqual(['cancelled', 'reserva cancelada']);
      expect(byCheckIn(await reservations(), '2026-06-15').status).toBe('cancelled');
      // The stay that ended before today and fell out of the feed is history, not a cancellation.
      expect(byCheckIn(await reservations(), '2026-05-20').status).toBe('confirmed');
      expect((await notificationsOf('turnover.cancelled', workerId)).map((p) => p.jobId)).toEqual([gone.job!.id]);
    });

    it('when a new stay checks in on another’s check-out day, then that turnover is back-to-back with the check-in as deadline and comes first in the worker’s day', async () => {
      feeds.serve('/airbnb.ics', 'airbnb-4-back-to-back.ics');
      const res = await syncNow().expect(200);
      expect(res.body.data).toMatchObject({ status: 'synced', created: 1 });
      const list = await reservations();
      const before = byCheckIn(list, '2026-06-09');
      expect(before.job).toMatchObject({ backToBack: true, deadlineAt: '2026-06-13T14:00:00.000Z' });
      expect(byCheckIn(list, '2026-06-03').job).toMatchObject({ backToBack: false, deadlineAt: null });

      // An ordinary job earlier the same day: the back-to-back turnover still comes first.
      const other = await admin.post('/api/cleaning-jobs').send({ clientId, propertyId, jobType: 'house', scheduledDate: '2026-06-13', scheduledTime: '08:00', estimatedHours: 1, workerIds: [workerId] }).expect(201);
      t.clock.set('2026-06-13T07:00:00Z');
      const day = (await worker.get('/api/cleaning-jobs/today').expect(200)).body.data as Array<{ id: number; backToBack: boolean; deadlineAt: string | null }>;
      expect(day.map((j) => [j.id, j.backToBack])).toEqual([
        [before.job!.id, true],
        [other.body.data.id, false],
      ]);
      expect(day[0]!.deadlineAt).toBe('2026-06-13T14:00:00.000Z');
      t.clock.set('2026-06-01T08:00:00Z');
    });

    it('when a started turnover’s stay is cancelled, then the job stays as it is and staff are alerted', async () => {
      const target = byCheckIn(await reservations(), '2026-06-03');
      await t.db.query(`UPDATE cleaning_jobs SET status = 'in_progress', started_at = $2 WHERE id = $1`, [target.job!.id, new Date('2026-06-06T10:00:00Z')]);
      feeds.serve('/airbnb.ics', (req, res) => {
        const body = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\nEND:VCALENDAR\r\n';
        res.writeHead(200, { 'Content-Type': 'text/calendar' }).end(body);
      });
      const res = await syncNow().expect(200);
      expect(res.body.data.cancelled).toBe(3);
      const job = (await admin.get(`/api/cleaning-jobs/${target.job!.id}`).expect(200)).body.data;
      expect(job.status).toBe('in_progress');
      const adminId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0]!.id;
      expect(await notificationsOf('turnover.started_changed', adminId)).toEqual([expect.objectContaining({ jobId: target.job!.id, change: 'cancelled' })]);
    });
  });

  describe('Booking.com and VRBO shapes', () => {
    it('when a Booking.com feed marks every stay "CLOSED - Not available", then nothing is taken unless blocked entries are included', async () => {
      const property = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Graça Studio' }).expect(201)).body.data.id;
      feeds.serve('/booking.ics', 'booking.ics');
      const cal = (await admin.post(`/api/properties/${property}/calendars`).send({ label: 'Booking', url: feeds.url('/booking.ics') }).expect(201)).body.data;
      expect(cal.source).toBe('booking');
      expect((await syncNow(cal.id, admin, property).expect(200)).body.data).toMatchObject({ status: 'synced', created: 0 });
      const edited = await admin.patch(`/api/properties/${property}/calendars/${cal.id}`).send({ includeBlocked: true, version: cal.version }).expect(200);
      expect(edited.body.data.includeBlocked).toBe(true);
      expect((await syncNow(cal.id, admin, property).expect(200)).body.data).toMatchObject({ status: 'synced', created: 2 });
      expect((await reservations(property)).map((r) => [r.checkOut, r.source, r.job?.status])).toEqual([
        ['2026-06-07', 'booking', 'scheduled'],
        ['2026-06-14', 'booking', 'scheduled'],
      ]);
    });

    it('when a VRBO feed mixes all-day and zoned stays, then the zoned check-out date is the Lisbon date and "Blocked" is left out', async () => {
      const property = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Belém T2' }).expect(201)).body.data.id;
      feeds.serve('/vrbo.ics', 'vrbo.ics');
      const cal = (await admin.post(`/api/properties/${property}/calendars`).send({ label: 'VRBO', url: feeds.url('/vrbo.ics') }).expect(201)).body.data;
      expect(cal.source).toBe('vrbo');
      expect((await syncNow(cal.id, admin, property).expect(200)).body.data).toMatchObject({ status: 'synced', created: 2, skipped: 0 });
      const list = await reservations(property);
      expect(list.map((r) => [r.checkIn, r.checkOut])).toEqual([
        ['2026-06-05', '2026-06-09'],
        ['2026-06-09', '2026-06-11'],
      ]);
      // The zoned stay arrives at 16:00 Lisbon (15:00Z in summer) on the first stay's check-out day.
      expect(list[0]!.job).toMatchObject({ backToBack: true, deadlineAt: '2026-06-09T15:00:00.000Z' });
    });
  });

  describe('failures and the scheduled sync', () => {
    it('when a feed starts failing, then the sync records the code, backs off, and alerts staff once after 24 hours', async () => {
      const property = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Mouraria' }).expect(201)).body.data.id;
      feeds.serve('/flaky.ics', 'vrbo.ics');
      const cal = (await admin.post(`/api/properties/${property}/calendars`).send({ label: 'Flaky', url: feeds.url('/flaky.ics') }).expect(201)).body.data;
      feeds.serve('/flaky.ics', (_req, res) => res.writeHead(503).end('down'));

      const start = new Date('2026-06-01T08:00:00Z');
      t.clock.set(start);
      const first = (await syncNow(cal.id, admin, property).expect(200)).body.data;
      expect(first).toMatchObject({ status: 'failed', errorCode: 'CALENDAR_HTTP_ERROR' });
      expect(first.calendar.lastError).toEqual({ code: 'CALENDAR_HTTP_ERROR', at: start.toISOString() });
      const second = (await syncNow(cal.id, admin, property).expect(200)).body.data;
      // 15 min after the first failure, 30 after the second: the backoff doubles.
      expect(new Date(first.calendar.nextSyncAt).getTime() - start.getTime()).toBe(15 * 60_000);
      expect(new Date(second.calendar.nextSyncAt).getTime() - start.getTime()).toBe(30 * 60_000);

      const alerts = async () => (await t.db.query(`SELECT 1 FROM notifications WHERE type = 'calendar.failing'`)).rowCount;
      expect(await alerts()).toBe(0);
      t.clock.set(new Date(start.getTime() + 25 * 3_600_000));
      await syncNow(cal.id, admin, property).expect(200);
      const staff = (await t.db.query(`SELECT 1 FROM users WHERE role IN ('master', 'admin') AND is_active`)).rowCount;
      expect(await alerts()).toBe(staff);
      await syncNow(cal.id, admin, property).expect(200);
      expect(await alerts()).toBe(staff);

      // Back up: the failure clears, and the scheduled tick (the job queue's handler) reads it when due.
      feeds.serve('/flaky.ics', 'vrbo.ics');
      t.clock.set(new Date(start.getTime() + 40 * 3_600_000));
      const tick = t.built.jobs.find((j) => j.name === 'calendar-sync')!;
      await tick.handler({});
      const after = (await admin.get(`/api/properties/${property}/calendars`).expect(200)).body.data[0];
      expect(after).toMatchObject({ lastError: null, failingSince: null, lastEventCount: 2 });
      expect((await reservations(property)).length).toBe(2);
      t.clock.set('2026-06-01T08:00:00Z');
    });

    it('when the tick runs and nothing is due, then no feed is read', async () => {
      const before = feeds.requests.length;
      const tick = t.built.jobs.find((j) => j.name === 'calendar-sync')!;
      // Every calendar's next sync lies ahead of this clock.
      t.clock.set('2026-05-01T08:00:00Z');
      expect(await tick.handler({})).toBe(0);
      expect(feeds.requests.length).toBe(before);
      t.clock.set('2026-06-01T08:00:00Z');
    });

    it('when a feed is removed, then its reservations go and the jobs stay', async () => {
      const jobs = (await reservations()).filter((r) => r.job).map((r) => r.job!.id);
      await client.delete(`/api/properties/${propertyId}/calendars/${calendarId}`).expect(204);
      expect(await reservations()).toEqual([]);
      const left = await t.db.query(`SELECT 1 FROM cleaning_jobs WHERE id = ANY($1::bigint[])`, [jobs]);
      expect(left.rowCount).toBe(jobs.length);
    });
  });
});
