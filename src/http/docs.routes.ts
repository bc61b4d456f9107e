import express, { type Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { generateDocument, type OpenAPIRegistry } from './openapi/registry.js';

/** The OpenAPI document (generated from the same zod schemas that validate requests) and Swagger UI. */
export function docsRouter(registry: OpenAPIRegistry, version: string): Router {
  const router = express.Router();
  let document: ReturnType<typeof generateDocument> | undefined;
  const doc = () => (document ??= generateDocument(registry, version));
  router.get('/api/docs/openapi.json', (_req, res) => {
    res.json(doc());
  });
  // serveFiles keeps this document's init script to this mount (swagger-ui-express shares one otherwise).
  const options = {
    swaggerUrl: '/api/docs/openapi.json',
    customSiteTitle: 'Lavandaria API',
    swaggerOptions: { withCredentials: true, persistAuthorization: true, displayRequestDuration: true },
  };
  router.use('/api/docs', swaggerUi.serveFiles(undefined, options), swaggerUi.setup(undefined, options));
  return router;
}
