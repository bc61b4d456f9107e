import { z } from 'zod';
import { CountLinenBody, JobLinen, LinenItem, SaveLinenSetBody } from '../../contracts/linen.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { LinenService } from './linen.service.js';

const TAGS = ['Turnovers'];

export function linenRoutes(routes: Routes, { linen }: { linen: LinenService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/properties/:id/linen',
      summary: 'The property’s linen set: what each turnover sends to the laundry (staff; the owning client)',
      tags: TAGS,
      access: ['master', 'admin', 'client'],
      params: IdParams,
      query: WholeListQuery,
      response: LinenItem,
      list: true,
      errors: { 404: 'NOT_FOUND' },
    },
    async ({ params, actor, query }) => pageOfArray(await linen.set(actor!, params.id), query),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/properties/:id/linen',
      summary: 'Replace the property’s linen set (lines of per-item catalogue services)',
      tags: TAGS,
      access: ['master', 'admin'],
      params: IdParams,
      body: SaveLinenSetBody,
      response: z.array(LinenItem),
      errors: { 400: 'VALIDATION_FAILED, UNKNOWN_SERVICE, LINEN_SERVICE_NOT_PER_ITEM', 404: 'NOT_FOUND' },
    },
    ({ params, body, actor }) => linen.saveSet(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/linen',
      summary: 'A turnover’s linen: planned and counted pieces, and the laundry order it became',
      tags: TAGS,
      access: ['master', 'admin', 'worker', 'client'],
      params: IdParams,
      response: JobLinen,
      errors: { 404: 'NOT_FOUND' },
    },
    ({ params, actor }) => linen.forJob(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/cleaning-jobs/:id/linen',
      summary: 'Count the linen on site before completing (a missing towel)',
      tags: TAGS,
      access: ['master', 'admin', 'worker'],
      params: IdParams,
      body: CountLinenBody,
      response: JobLinen,
      errors: { 400: 'VALIDATION_FAILED, UNKNOWN_LINEN_ITEM', 404: 'NOT_FOUND', 409: 'JOB_CLOSED' },
    },
    ({ params, body, actor }) => linen.count(actor!, params.id, body),
  );
}
