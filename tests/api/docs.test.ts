import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildOpenApiDocument } from '../../src/http/openapi/build-document.js';

describe('API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when docs/openapi.json is compared with the schemas, then it is current (run `npm run openapi` if this fails)', () => {
    const checkedIn = JSON.parse(fs.readFileSync('docs/openapi.json', 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('when the document is served, then every route of the route table is in it with its method', async () => {
    const res = await t.request.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    for (const entry of t.built.routes) {
      const path = entry.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(res.body.paths[path]?.[entry.method], `${entry.method} ${entry.path}`).toBeDefined();
    }
    expect(res.body.paths['/api/auth/login/user'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('when Swagger UI is opened, then its page and its init script load from our origin', async () => {
    const page = await t.request.get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/<script>[^<]/);
    const init = await t.request.get('/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('/api/docs/openapi.json');
  });

  it('when docs are disabled, then /api/docs answers 404', async () => {
    const off = await createTestApp({ env: { DOCS_ENABLED: 'false' }, connection: t.connection });
    try {
      expect((await off.request.get('/api/docs/openapi.json')).status).toBe(404);
      expect((await off.request.get('/api/docs/')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
