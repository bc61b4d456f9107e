import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/calendars');

/** A fixture feed as the platforms send it: CRLF line ends (RFC 5545 §3.1). */
export function fixtureFeed(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8').replace(/\r?\n/g, '\r\n');
}

export interface FeedServer {
  url(pathname: string): string;
  /** What a path serves from now on: a fixture file name, or a handler for odd answers. */
  serve(pathname: string, what: string | http.RequestListener): void;
  /** Requests seen per path, with their conditional headers. */
  requests: Array<{ path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; status: number }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback serving .ics files the way the platforms do: text/calendar with an
 * ETag and Last-Modified, 304 to a matching conditional request.
 */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, string | http.RequestListener>();
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const what = routes.get(pathname);
    const record = (status: number) =>
      requests.push({ path: pathname, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], status });
    if (typeof what === 'function') {
      record(0);
      what(req, res);
      return;
    }
    if (!what) {
      record(404);
      res.writeHead(404).end('not found');
      return;
    }
    const body = fixtureFeed(what);
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      record(304);
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    record(200);
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', ETag: etag, 'Last-Modified': 'Sat, 30 May 2026 10:15:00 GMT' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    serve: (pathname, what) => routes.set(pathname, what),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
