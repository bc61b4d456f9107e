import { z } from 'zod';
import { Calendar, CalendarSyncResult, CreateCalendarBody, Reservation, TurnoverRule, UpdateCalendarBody, UpdateTurnoverRuleBody } from '../../contracts/calendars.js';
import { CalendarDate } from '../../contracts/primitives.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { CalendarsService } from './calendars.service.js';

const TAGS = ['Turnovers'];
const STAFF = ['master', 'admin'] as const;
const STAFF_AND_OWNER = ['master', 'admin', 'client'] as const;
const CalendarParams = z.object({ id: idParam, calendarId: idParam });
const ReservationsQuery = WholeListQuery.extend({ from: CalendarDate.optional() });
const NOT_FOUND = 'NOT_FOUND — no such property or calendar, or not the caller’s.';

export function calendarsRoutes(routes: Routes, { calendars }: { calendars: CalendarsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/properties/:id/calendars',
      summary: 'A property’s calendar feeds with their last sync (staff; the owning client)',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: IdParams,
      query: WholeListQuery,
      response: Calendar,
      list: true,
      errors: { 404: NOT_FOUND },
    },
    async ({ params, query, actor }) => pageOfArray(await calendars.list(actor!, params.id), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/properties/:id/calendars',
      summary: 'Add an iCal feed (Airbnb, Booking.com, VRBO…); the address is read once before it is saved',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: IdParams,
      body: CreateCalendarBody,
      response: Calendar,
      status: 201,
      errors: {
        400: 'VALIDATION_FAILED, CALENDAR_URL_INVALID (not http(s), or with credentials), CALENDAR_URL_PRIVATE (resolves to a private address)',
        404: NOT_FOUND,
        422: 'CALENDAR_UNREACHABLE, CALENDAR_TIMEOUT, CALENDAR_TOO_LARGE, CALENDAR_HTTP_ERROR, CALENDAR_NOT_ICAL',
      },
    },
    ({ params, body, actor }) => calendars.create(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/properties/:id/calendars/:calendarId',
      summary: 'Rename a feed, pause or resume it, or take its blocked dates as stays',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: CalendarParams,
      body: UpdateCalendarBody,
      response: Calendar,
      errors: { 400: 'VALIDATION_FAILED, NOTHING_TO_CHANGE', 404: NOT_FOUND, 409: 'VERSION_CONFLICT' },
    },
    ({ params, body, actor }) => calendars.update(actor!, params.id, params.calendarId, body),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/properties/:id/calendars/:calendarId',
      summary: 'Remove a feed and its reservations (turnover jobs already made stay)',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: CalendarParams,
      status: 204,
      errors: { 404: NOT_FOUND },
    },
    async ({ params, actor }) => {
      await calendars.delete(actor!, params.id, params.calendarId);
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/properties/:id/calendars/:calendarId/sync',
      summary: 'Sync now: read the feed at once and apply new, moved and cancelled reservations',
      description: 'A feed that cannot be read answers 200 with status "failed" and its error code; the failure is recorded like a scheduled one.',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: CalendarParams,
      response: CalendarSyncResult,
      errors: { 404: NOT_FOUND, 409: 'CALENDAR_INACTIVE' },
    },
    ({ params, actor }) => calendars.syncNow(actor!, params.id, params.calendarId),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/properties/:id/reservations',
      summary: 'Reservations read from the property’s feeds (dates and source only) with their turnover jobs',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: IdParams,
      query: ReservationsQuery,
      response: Reservation,
      list: true,
      errors: { 404: NOT_FOUND },
    },
    async ({ params, query, actor }) => pageOfArray(await calendars.reservations(actor!, params.id, query.from), query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/properties/:id/turnover-rule',
      summary: 'When and how long a turnover is cleaned, and by whom (defaults until saved)',
      tags: TAGS,
      access: STAFF_AND_OWNER,
      params: IdParams,
      response: TurnoverRule,
      errors: { 404: NOT_FOUND },
    },
    ({ params, actor }) => calendars.rule(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/properties/:id/turnover-rule',
      summary: 'Set the turnover rule (applies to turnovers created from now on)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdateTurnoverRuleBody,
      response: TurnoverRule,
      errors: { 400: 'VALIDATION_FAILED, INVALID_WORKER, UNKNOWN_CHECKLIST_TEMPLATE', 404: NOT_FOUND, 409: 'VERSION_CONFLICT' },
    },
    ({ params, body, actor }) => calendars.saveRule(actor!, params.id, body),
  );
}
