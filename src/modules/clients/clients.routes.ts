import { z } from 'zod';
import {
  Client,
  ClientContactCard,
  ClientWithTemporaryPassword,
  CreateClientBody,
  OwnClientProfile,
  UpdateClientBody,
  UpdateOwnProfileBody,
} from '../../contracts/clients.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import { ClientListQuery } from './clients.schemas.js';
import type { ClientsService } from './clients.service.js';

const TAGS = ['Clients'];
const STAFF = ['master', 'admin'] as const;

export function clientsRoutes(routes: Routes, { clients }: { clients: ClientsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/clients',
      summary: 'Clients, searchable by name, company, phone, NIF or e-mail',
      tags: TAGS,
      access: STAFF,
      query: ClientListQuery,
      response: Client,
      list: true,
      errors: { 400: 'VALIDATION_FAILED, INVALID_CURSOR, INVALID_PAGING' },
    },
    ({ query }) => clients.list(query, query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients',
      summary: 'Create a client; the temporary password is returned once',
      description: 'A welcome notification is created, and e-mailed (with the temporary password) when the client has an address.',
      tags: TAGS,
      access: STAFF,
      body: CreateClientBody,
      response: ClientWithTemporaryPassword,
      status: 201,
      errors: { 409: 'PHONE_TAKEN' },
    },
    ({ body, actor }) => clients.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/me',
      summary: 'The signed-in client’s own profile',
      tags: TAGS,
      access: ['client'],
      response: OwnClientProfile,
    },
    ({ actor }) => clients.getOwn(actor!.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/clients/me',
      summary: 'Edit the own profile (name, e-mail, date of birth, language — not the phone or the NIF)',
      tags: TAGS,
      access: ['client'],
      body: UpdateOwnProfileBody,
      response: OwnClientProfile,
      errors: { 400: 'VALIDATION_FAILED (phone and nif are not accepted), NOTHING_TO_CHANGE', 409: 'VERSION_CONFLICT' },
    },
    async ({ body, actor, req }) => {
      const profile = await clients.updateOwn(actor!.id, body);
      const auth = req.session.auth;
      if (auth) {
        auth.name = profile.name;
        auth.locale = profile.locale;
      }
      return profile;
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id',
      summary: 'One client: staff see everything, the client themselves their profile, a worker a contact card',
      description: 'A worker sees the contact card of clients on their own jobs only; anything else is 404.',
      tags: TAGS,
      access: ['master', 'admin', 'worker', 'client'],
      params: IdParams,
      response: z.union([Client, OwnClientProfile, ClientContactCard]),
      errors: { 404: 'NOT_FOUND — no such client, or not one the caller may see.' },
    },
    ({ params, actor }) => clients.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/clients/:id',
      summary: 'Edit a client (send the version you read)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdateClientBody,
      response: Client,
      errors: { 400: 'VALIDATION_FAILED, NOTHING_TO_CHANGE', 404: 'NOT_FOUND', 409: 'VERSION_CONFLICT, PHONE_TAKEN, CLIENT_ANONYMISED' },
    },
    ({ params, body }) => clients.update(params.id, body),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    route(
      routes,
      {
        method: 'post',
        path: `/api/clients/:id/${action}`,
        summary: active ? 'Reactivate a client' : 'Deactivate a client (their sessions end at once)',
        tags: TAGS,
        access: STAFF,
        params: IdParams,
        response: Client,
        errors: { 404: 'NOT_FOUND', 409: 'CLIENT_ANONYMISED' },
      },
      ({ params }) => clients.setActive(params.id, active),
    );
  }

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/reset-password',
      summary: 'Give a client a new temporary password (returned once); their sessions end',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      response: ClientWithTemporaryPassword,
      errors: { 404: 'NOT_FOUND', 409: 'CLIENT_ANONYMISED' },
    },
    ({ params }) => clients.resetPassword(params.id),
  );
}
