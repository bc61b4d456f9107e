import { z } from 'zod';
import { CreatePropertyBody, OwnProperty, Property, UpdatePropertyBody } from '../../contracts/properties.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import { ClientIdParams, PropertyListQuery } from './properties.schemas.js';
import type { PropertiesService } from './properties.service.js';

const TAGS = ['Properties'];
const STAFF = ['master', 'admin'] as const;

export function propertiesRoutes(routes: Routes, { properties }: { properties: PropertiesService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/properties',
      summary: 'A client’s properties, oldest first (a client lists their own, without access instructions)',
      tags: TAGS,
      access: ['master', 'admin', 'client'],
      params: ClientIdParams,
      query: PropertyListQuery,
      response: z.union([Property, OwnProperty]),
      list: true,
      errors: { 404: 'NOT_FOUND — no such client, or not the caller.' },
    },
    ({ params, query, actor }) => properties.listForClient(actor!, params.id, query.active, query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/properties',
      summary: 'Add a property to a client (the first one becomes primary)',
      tags: TAGS,
      access: STAFF,
      params: ClientIdParams,
      body: CreatePropertyBody,
      response: Property,
      status: 201,
      errors: { 404: 'NOT_FOUND — no such client.', 409: 'PRIMARY_EXISTS, CLIENT_ANONYMISED' },
    },
    ({ params, body, actor }) => properties.create(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/properties/:id',
      summary: 'One property (staff; a worker on one of its jobs; the owning client without access instructions)',
      tags: TAGS,
      access: ['master', 'admin', 'worker', 'client'],
      params: IdParams,
      response: z.union([Property, OwnProperty]),
      errors: { 404: 'NOT_FOUND — no such property, or not one the caller may see.' },
    },
    ({ params, actor }) => properties.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/properties/:id',
      summary: 'Edit a property (send the version you read)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdatePropertyBody,
      response: Property,
      errors: { 400: 'VALIDATION_FAILED, NOTHING_TO_CHANGE', 404: 'NOT_FOUND', 409: 'VERSION_CONFLICT, CLIENT_ANONYMISED' },
    },
    ({ params, body }) => properties.update(params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/properties/:id/make-primary',
      summary: 'Make this the client’s primary property (the previous primary stops being one)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      response: Property,
      errors: { 404: 'NOT_FOUND', 409: 'PROPERTY_INACTIVE' },
    },
    ({ params }) => properties.makePrimary(params.id),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    route(
      routes,
      {
        method: 'post',
        path: `/api/properties/:id/${action}`,
        summary: active ? 'Reactivate a property' : 'Deactivate a property (a primary hands over to the oldest active one)',
        tags: TAGS,
        access: STAFF,
        params: IdParams,
        response: Property,
        errors: { 404: 'NOT_FOUND' },
      },
      ({ params }) => properties.setActive(params.id, active),
    );
  }

  route(
    routes,
    {
      method: 'delete',
      path: '/api/properties/:id',
      summary: 'Delete a property without jobs (a deleted primary hands over to the oldest remaining one)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      status: 204,
      errors: { 404: 'NOT_FOUND', 409: 'PROPERTY_HAS_JOBS — deactivate it instead.' },
    },
    async ({ params }) => {
      await properties.delete(params.id);
    },
  );
}
