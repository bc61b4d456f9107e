import { z } from 'zod';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

export { OpenAPIRegistry };

const MetaSchema = z
  .object({
    correlationId: z.string().meta({ example: 'req_1760046060891_k3j9x2' }),
    timestamp: z.string().meta({ example: '2026-01-15T10:00:00.000Z' }),
  })
  .meta({ id: 'Meta' });

const ListMetaSchema = MetaSchema.extend({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  count: z.number().int(),
  nextCursor: z.string().nullable(),
  totalCapped: z.boolean().optional(),
}).meta({ id: 'ListMeta' });

export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
    _meta: MetaSchema,
  })
  .meta({ id: 'ErrorEnvelope' });

export function successEnvelope(data: z.ZodType) {
  return z.object({ success: z.literal(true), data, _meta: MetaSchema });
}

export function listEnvelope(item: z.ZodType) {
  return z.object({ success: z.literal(true), data: z.array(item), _meta: ListMetaSchema });
}

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'lavandaria.sid',
    description: 'Session cookie set by the login endpoints (`__Host-lavandaria.sid` over HTTPS).',
  });
  return registry;
}

export function generateDocument(registry: OpenAPIRegistry, version: string) {
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Lavandaria API',
      version,
      description:
        'Laundry and property-cleaning management. Every response uses the envelope ' +
        '`{success, data | error, _meta}`; errors carry a stable UPPER_SNAKE `code`. Sign in with one of the ' +
        'login endpoints; the session cookie authenticates later calls. Creates accept an `Idempotency-Key` header.',
    },
    servers: [{ url: '/' }],
  });
}
