import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './address-guard.js';

/** Why a feed could not be read; the code is what the API and the sync status show. */
export type FeedErrorCode =
  | 'CALENDAR_URL_INVALID'
  | 'CALENDAR_URL_PRIVATE'
  | 'CALENDAR_UNREACHABLE'
  | 'CALENDAR_TIMEOUT'
  | 'CALENDAR_TOO_LARGE'
  | 'CALENDAR_HTTP_ERROR'
  | 'CALENDAR_NOT_ICAL';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  allowPrivateAddresses: boolean;
}

export type FetchResult =
  | { kind: 'not-modified' }
  | { kind: 'body'; text: string; etag: string | null; lastModified: string | null };

const MAX_REDIRECTS = 3;

/** Parses and checks a calendar URL: http(s) only, no credentials in it. */
export function checkFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedError('CALENDAR_URL_INVALID', 'The calendar address is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('CALENDAR_URL_INVALID', 'Only http and https calendar addresses are accepted.');
  if (url.username || url.password) throw new FeedError('CALENDAR_URL_INVALID', 'A calendar address may not carry a user name or password.');
  return url;
}

/**
 * Resolves names like the default lookup, but refuses the connection when any resolved address is
 * private; the socket then connects to the very address checked, so a second (rebinding) answer
 * cannot slip through.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const blocked = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (blocked) return callback(Object.assign(new Error('private address'), { code: 'CALENDAR_URL_PRIVATE' }), '', 4);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function once(url: URL, headers: Record<string, string>, opts: FetchOptions): Promise<{ status: number; location: string | null; etag: string | null; lastModified: string | null; text: string }> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(literal) && !opts.allowPrivateAddresses && isPrivateAddress(literal)) {
    return Promise.reject(new FeedError('CALENDAR_URL_PRIVATE', 'The calendar address points to a private network address.'));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { headers: { 'User-Agent': 'Lavandaria calendar sync', Accept: 'text/calendar, */*;q=0.5', ...headers }, lookup: guardedLookup(opts.allowPrivateAddresses), timeout: opts.timeoutMs });
    // One deadline for the whole exchange (a slow trickle of bytes must not keep it open forever).
    const deadline = setTimeout(() => req.destroy(new FeedError('CALENDAR_TIMEOUT', `The calendar did not answer within ${opts.timeoutMs} ms.`)), opts.timeoutMs);
    req.on('timeout', () => req.destroy(new FeedError('CALENDAR_TIMEOUT', `The calendar did not answer within ${opts.timeoutMs} ms.`)));
    req.on('error', (err: Error & { code?: string }) => {
      clearTimeout(deadline);
      if (err instanceof FeedError) reject(err);
      else if (err.code === 'CALENDAR_URL_PRIVATE') reject(new FeedError('CALENDAR_URL_PRIVATE', 'The calendar address resolves to a private network address.'));
      else reject(new FeedError('CALENDAR_UNREACHABLE', `The calendar could not be reached (${err.code ?? err.message}).`));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return typeof v === 'string' ? v : null;
      };
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > opts.maxBytes) {
        req.destroy(new FeedError('CALENDAR_TOO_LARGE', `The calendar is larger than ${opts.maxBytes} bytes.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) req.destroy(new FeedError('CALENDAR_TOO_LARGE', `The calendar is larger than ${opts.maxBytes} bytes.`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ status, location: header('location'), etag: header('etag'), lastModified: header('last-modified'), text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', () => undefined);
    });
  });
}

/**
 * Fetches a feed once: conditional on the ETag / Last-Modified of the previous answer, with a deadline,
 * a size cap, at most three redirects (each checked like the first address) and no private addresses.
 */
export async function fetchFeed(rawUrl: string, previous: { etag: string | null; lastModified: string | null }, opts: FetchOptions): Promise<FetchResult> {
  let url = checkFeedUrl(rawUrl);
  const headers: Record<string, string> = {};
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  for (let hop = 0; ; hop++) {
    const res = await once(url, headers, opts);
    if (res.status === 304) return { kind: 'not-modified' };
    if ([301, 302, 303, 307, 308].includes(res.status) && res.location) {
      if (hop >= MAX_REDIRECTS) throw new FeedError('CALENDAR_HTTP_ERROR', 'The calendar address redirects too many times.');
      url = checkFeedUrl(new URL(res.location, url).toString());
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new FeedError('CALENDAR_HTTP_ERROR', `The calendar answered HTTP ${res.status}.`);
    return { kind: 'body', text: res.text, etag: res.etag, lastModified: res.lastModified };
  }
}
