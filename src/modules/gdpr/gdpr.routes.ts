import { z } from 'zod';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import type { GdprService } from './gdpr.service.js';

const TAGS = ['GDPR'];

const ClientExportSchema = z
  .object({
    exportedAt: z.string(),
    clientId: z.number().int(),
    sections: z.record(z.string(), z.unknown()).meta({ description: 'One section per module: client, properties, notifications, …' }),
  })
  .meta({ id: 'ClientExport' });

const AnonymiseBody = z
  .object({ confirm: z.literal(true).meta({ description: 'Must be true: anonymisation cannot be undone.' }) })
  .strict()
  .meta({ id: 'AnonymiseClientBody' });

export function gdprRoutes(routes: Routes, { gdpr }: { gdpr: GdprService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/me/export',
      summary: 'Download everything held about the signed-in client (JSON)',
      tags: TAGS,
      access: ['client'],
      response: ClientExportSchema,
    },
    async ({ actor, res }) => {
      res.setHeader('Content-Disposition', `attachment; filename="lavandaria-my-data.json"`);
      return gdpr.exportClient(actor!.id);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/export',
      summary: 'Export everything held about a client (JSON)',
      tags: TAGS,
      access: ['master', 'admin'],
      params: IdParams,
      response: ClientExportSchema,
      errors: { 404: 'NOT_FOUND' },
    },
    async ({ params, res }) => {
      res.setHeader('Content-Disposition', `attachment; filename="client-${params.id}-export.json"`);
      return gdpr.exportClient(params.id);
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/anonymise',
      summary: 'Anonymise a client: personal data replaced, login disabled, sessions ended, notifications and mail removed',
      description: 'Financial records stay (with the client id). Cannot be undone.',
      tags: TAGS,
      access: ['master', 'admin'],
      params: IdParams,
      body: AnonymiseBody,
      response: z.object({ anonymised: z.literal(true) }),
      errors: { 404: 'NOT_FOUND', 409: 'CLIENT_ANONYMISED — already done.' },
    },
    async ({ params }) => {
      await gdpr.anonymise(params.id);
      return { anonymised: true as const };
    },
  );
}
