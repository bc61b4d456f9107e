import { z } from 'zod';
import {
  AssignRackBody,
  CreateLaundryCategoryBody,
  CreateLaundryRackBody,
  ItemRevertBody,
  ItemStageBody,
  LabelFormat,
  LaundryCategory,
  LaundryItem,
  LaundryRack,
  TagLookup,
  UpdateLaundryCategoryBody,
  UpdateLaundryItemBody,
  UpdateLaundryRackBody,
} from '../../contracts/laundry-floor.js';
import { LaundryOrder, LaundryOrderWorkerView } from '../../contracts/laundry.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { IdParams, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { LaundryFloorService } from './laundry-floor.service.js';

const STAFF = ['master', 'admin'] as const;
const PROCESSORS = ['master', 'admin', 'worker'] as const;
const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;
// The ticket carries the price: workers never see money.
const STAFF_AND_CLIENTS = ['master', 'admin', 'client'] as const;

const IncludeInactive = WholeListQuery.extend({ includeInactive: z.enum(['true', 'false']).optional() });
const TagParams = z.object({ code: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9-]+$/, 'a tag code') });

export function laundryFloorRoutes(routes: Routes, { floor }: { floor: LaundryFloorService }) {
  const catalogue = ['Laundry services'];
  const floorTags = ['Laundry floor'];

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-categories',
      summary: 'Categories of the price list (clothing, bedding, curtains…)',
      description: 'Staff may add `includeInactive=true`.',
      tags: catalogue,
      access: EVERYONE,
      query: IncludeInactive,
      response: LaundryCategory,
      list: true,
    },
    async ({ actor, query }) => pageOfArray(await floor.listCategories(actor!, query.includeInactive === 'true'), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-categories',
      summary: 'Add a category',
      tags: catalogue,
      access: STAFF,
      body: CreateLaundryCategoryBody,
      response: LaundryCategory,
      status: 201,
      errors: { 409: 'CATEGORY_EXISTS' },
    },
    ({ actor, body }) => floor.createCategory(actor!, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/laundry-categories/:id',
      summary: 'Rename, reorder or deactivate a category (never deleted)',
      tags: catalogue,
      access: STAFF,
      params: IdParams,
      body: UpdateLaundryCategoryBody,
      response: LaundryCategory,
      errors: { 404: 'NOT_FOUND', 409: 'CATEGORY_EXISTS, STALE_VERSION' },
    },
    ({ actor, params, body }) => floor.updateCategory(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-tags/:code',
      summary: 'Resolve a scanned tag (the global code in the label QR) to its item and order',
      tags: floorTags,
      access: PROCESSORS,
      params: TagParams,
      response: TagLookup,
      errors: { 404: 'NOT_FOUND — no item has this tag.' },
    },
    ({ actor, params }) => floor.tag(actor!, params.code),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-items/:id/stage',
      summary: 'Move an item forward (washing, drying, ironing, ready)',
      description:
        'The first item moved starts the order; the last one ready makes the order ready (and suggests a rack). ' +
        'Backwards or to the same stage → 409 INVALID_TRANSITION, so of two scans at once only one moves the item.',
      tags: floorTags,
      access: PROCESSORS,
      params: IdParams,
      body: ItemStageBody,
      response: TagLookup,
      errors: { 404: 'NOT_FOUND', 409: 'INVALID_TRANSITION (details: from, to, allowed), ORDER_CLOSED' },
    },
    ({ actor, params, body }) => floor.advance(actor!, params.id, body.stage),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-items/:id/revert',
      summary: 'Put an item back to an earlier stage, with a reason (staff)',
      tags: floorTags,
      access: STAFF,
      params: IdParams,
      body: ItemRevertBody,
      response: TagLookup,
      errors: { 404: 'NOT_FOUND', 409: 'INVALID_TRANSITION, ORDER_CLOSED' },
    },
    ({ actor, params, body }) => floor.revert(actor!, params.id, body.stage, body.reason),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/laundry-items/:id',
      summary: "Change an item's details: category, colour, brand, notes",
      tags: floorTags,
      access: STAFF,
      params: IdParams,
      body: UpdateLaundryItemBody,
      response: LaundryItem,
      errors: { 404: 'NOT_FOUND', 409: 'STALE_VERSION, ORDER_CLOSED' },
    },
    ({ actor, params, body }) => floor.updateItem(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-racks',
      summary: 'The rack board: every rack and the ready order on it',
      description: '`q` finds a rack by its code, the order number or the client name ("where is LDR-…"). Staff may add `includeInactive=true`.',
      tags: floorTags,
      access: PROCESSORS,
      query: IncludeInactive.extend({ q: z.string().trim().min(1).max(100).optional() }),
      response: LaundryRack,
      list: true,
    },
    async ({ actor, query }) => pageOfArray(await floor.racks(actor!, query.includeInactive === 'true', query.q), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-racks',
      summary: 'Add a rack/shelf location',
      tags: floorTags,
      access: STAFF,
      body: CreateLaundryRackBody,
      response: LaundryRack,
      status: 201,
      errors: { 409: 'RACK_CODE_TAKEN' },
    },
    ({ actor, body }) => floor.createRack(actor!, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/laundry-racks/:id',
      summary: 'Rename, reorder or deactivate a rack',
      tags: floorTags,
      access: STAFF,
      params: IdParams,
      body: UpdateLaundryRackBody,
      response: LaundryRack,
      errors: { 404: 'NOT_FOUND', 409: 'RACK_CODE_TAKEN, RACK_IN_USE, STALE_VERSION' },
    },
    ({ actor, params, body }) => floor.updateRack(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/laundry-orders/:id/rack',
      summary: 'Put a ready order on a rack (freed when it is collected, delivered or cancelled)',
      tags: floorTags,
      access: PROCESSORS,
      params: IdParams,
      body: AssignRackBody,
      response: z.union([LaundryOrder, LaundryOrderWorkerView]),
      errors: { 400: 'UNKNOWN_RACK', 404: 'NOT_FOUND', 409: 'RACK_TAKEN (details.suggestion: the next free rack), ORDER_NOT_READY' },
    },
    ({ actor, params, body }) => floor.assignRack(actor!, params.id, body.rackId),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-orders/:id/labels',
      summary: 'The tag labels of an order as a PDF, streamed',
      description: '`format=roll` (58 mm thermal roll, one label a page; the default) or `format=sheet` (A4, 24 stickers). Each label: tag, order number, client initials, due date, QR of the tag.',
      tags: floorTags,
      access: PROCESSORS,
      params: IdParams,
      query: z.object({ format: LabelFormat.default('roll') }),
      rawResponse: { contentType: 'application/pdf', description: 'The labels.' },
      errors: { 404: 'NOT_FOUND' },
    },
    async ({ actor, params, query, res }) => {
      const o = await floor.assertOrder(actor!, params.id);
      res.status(200);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${o.order_number}-etiquetas.pdf"`);
      await floor.labels(actor!, params.id, query.format, res);
      return RESPONDED;
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-orders/:id/ticket',
      summary: "The client's intake ticket as a PDF (order QR, items with tags, total, due date, conditions noted)",
      tags: floorTags,
      access: STAFF_AND_CLIENTS,
      params: IdParams,
      query: z.object({ lang: z.enum(['pt', 'en']).default('pt') }),
      rawResponse: { contentType: 'application/pdf', description: 'The ticket.' },
      errors: { 404: 'NOT_FOUND — no such order, or not yours.' },
    },
    async ({ actor, params, query, res }) => {
      const file = await floor.ticket(actor!, params.id, query.lang);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${file.fileName}"`);
      res.setHeader('Content-Length', String(file.bytes.length));
      res.status(200).end(file.bytes);
      return RESPONDED;
    },
  );
}
