import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { route } from '../../src/http/endpoint.js';
import { JSON_GZIP_THRESHOLD_BYTES } from '../../src/http/middleware/json-gzip.js';

/** A JSON answer of ~14 kB and a tiny one. */
const extraRoutes = (routes: Parameters<typeof route>[0]) => {
  route(routes, { method: 'get', path: '/api/test/big', summary: 'big', tags: ['Test'], access: 'public' }, () => ({
    rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Cliente ${i}`, note: 'lavagem e engomadoria' })),
  }));
  route(routes, { method: 'get', path: '/api/test/small', summary: 'small', tags: ['Test'], access: 'public' }, () => ({ ok: true }));
};

/** The raw bytes of an answer as they crossed the wire (no client-side decoding), with its headers. */
function raw(server: http.Server, method: string, path: string, acceptEncoding: string) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('gzip of JSON answers', () => {
  let t: TestApp;
  let server: http.Server;
  beforeAll(async () => {
    t = await createTestApp({ extraRoutes });
    server = await new Promise<http.Server>((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await t.close();
  });

  it('when a client accepts gzip, then a large JSON answer is gzipped whole, with its compressed length', async () => {
    const res = await raw(server, 'GET', '/api/test/big', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(String(res.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    const json = JSON.parse(zlib.gunzipSync(res.bytes).toString('utf8'));
    expect(json.data.rows).toHaveLength(200);
    expect(zlib.gunzipSync(res.bytes).length).toBeGreaterThan(JSON_GZIP_THRESHOLD_BYTES);
  });

  it('when a client does not accept gzip (or refuses it), then the same answer goes uncompressed', async () => {
    for (const accept of ['identity', 'gzip;q=0, identity']) {
      const res = await raw(server, 'GET', '/api/test/big', accept);
      expect(res.headers['content-encoding'], accept).toBeUndefined();
      expect(String(res.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(JSON.parse(res.bytes.toString('utf8')).data.rows).toHaveLength(200);
    }
  });

  it('when the answer is small or a HEAD, then it is left as it is', async () => {
    const small = await raw(server, 'GET', '/api/test/small', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.bytes.toString('utf8')).data).toEqual({ ok: true });
    const head = await raw(server, 'HEAD', '/api/test/big', 'gzip');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.bytes.length).toBe(0);
  });

  it('when a CSV export streams, then the compression middleware still gzips it', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.get('/api/exports/clients.csv').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('\n');
  });
});
