import { z } from 'zod';
import {
  ChecklistTemplate,
  CreateChecklistTemplateBody,
  JobChecklist,
  TickChecklistItemBody,
  UpdateChecklistTemplateBody,
  WaiveChecklistBody,
} from '../../contracts/checklists.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { ChecklistsService } from './checklists.service.js';

const TAGS = ['Checklists'];
const STAFF = ['master', 'admin'] as const;
const ItemParams = z.object({ id: idParam, itemId: idParam });

export function checklistsRoutes(routes: Routes, { checklists }: { checklists: ChecklistsService }) {
  route(
    routes,
    { method: 'get', path: '/api/checklist-templates', summary: 'Checklist templates, by name', tags: TAGS, access: STAFF, query: WholeListQuery, response: ChecklistTemplate, list: true },
    async ({ query }) => pageOfArray(await checklists.listTemplates(), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/checklist-templates',
      summary: 'Create a checklist template: sections (rooms) of items, some needing a photo',
      tags: TAGS,
      access: STAFF,
      body: CreateChecklistTemplateBody,
      response: ChecklistTemplate,
      status: 201,
      errors: { 400: 'VALIDATION_FAILED' },
    },
    ({ body, actor }) => checklists.createTemplate(actor!, body),
  );

  route(
    routes,
    { method: 'get', path: '/api/checklist-templates/:id', summary: 'One checklist template', tags: TAGS, access: STAFF, params: IdParams, response: ChecklistTemplate, errors: { 404: 'NOT_FOUND' } },
    ({ params }) => checklists.template(params.id),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/checklist-templates/:id',
      summary: 'Replace a template’s name and sections, or switch it off (jobs keep the copies they already have)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdateChecklistTemplateBody,
      response: ChecklistTemplate,
      errors: { 400: 'VALIDATION_FAILED', 404: 'NOT_FOUND', 409: 'VERSION_CONFLICT' },
    },
    ({ params, body }) => checklists.updateTemplate(params.id, body),
  );

  route(
    routes,
    { method: 'delete', path: '/api/checklist-templates/:id', summary: 'Delete a template (jobs keep their copies)', tags: TAGS, access: STAFF, params: IdParams, status: 204, errors: { 404: 'NOT_FOUND' } },
    async ({ params }) => {
      await checklists.deleteTemplate(params.id);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/checklist',
      summary: 'The job’s checklist (copied from the property’s default the first time it is needed)',
      tags: TAGS,
      access: ['master', 'admin', 'worker', 'client'],
      params: IdParams,
      response: JobChecklist,
      errors: { 404: 'NOT_FOUND — no such job, or not one the caller may see.' },
    },
    ({ params, actor }) => checklists.forJob(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/checklist/items/:itemId',
      summary: 'Tick or untick an item (a queued offline tap sends its time; an older replay never undoes a newer tap)',
      tags: TAGS,
      access: ['master', 'admin', 'worker'],
      params: ItemParams,
      body: TickChecklistItemBody,
      response: JobChecklist,
      errors: {
        400: 'VALIDATION_FAILED, PHOTO_REQUIRED, UNKNOWN_PHOTO, OCCURRED_AT_IN_FUTURE, OCCURRED_AT_TOO_OLD',
        404: 'NOT_FOUND — no such job or item, or not the caller’s job.',
        409: 'JOB_CLOSED, PHOTO_NOT_UPLOADED (photoUploadKey: that photo has not arrived yet)',
      },
    },
    ({ params, body, actor }) => checklists.tick(actor!, params.id, params.itemId, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/checklist-waiver',
      summary: 'Staff: let the job be completed without its checklist, with the reason (audited)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: WaiveChecklistBody,
      response: JobChecklist,
      errors: { 400: 'VALIDATION_FAILED', 404: 'NOT_FOUND', 409: 'JOB_CLOSED' },
    },
    ({ params, body, actor }) => checklists.waive(actor!, params.id, body.reason),
  );
}
