import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import webpush from 'web-push';
import { isPrivateAddress } from '../calendars/address-guard.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushSenderOptions {
  vapid: VapidKeys;
  timeoutMs: number;
  /** Development and tests: plain http on loopback, and private addresses (a local recording endpoint). */
  allowLocalEndpoints: boolean;
}

/** How long a push service keeps a message for an offline device: notifications people act on go stale. */
export const PUSH_TTL_SECONDS = 4 * 60 * 60;

/** The answer of a push service; `status` 0 never happens (a network failure throws). */
export interface PushAnswer {
  status: number;
  body: string;
}

export class PushNetworkError extends Error {}

/** Names resolving to a private address are refused unless local endpoints are allowed (SSRF). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) return callback(Object.assign(new Error('private address'), { code: 'PUSH_ENDPOINT_PRIVATE' }), '', 4);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Whether a host is the local machine by name or address (the only plain-http endpoints ever accepted). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (net.isIPv4(h) && h.startsWith('127.'));
}

/**
 * Sends one Web Push message (RFC 8030) with VAPID (RFC 8292): the payload is encrypted for the device
 * (aes128gcm, RFC 8291) and signed by `web-push`; the request itself is made here so the endpoint's
 * address is checked like any outbound request the server makes on a user's behalf, and no redirect is
 * followed. Resolves with the push service's answer whatever its status; rejects on network failure.
 */
export function createPushSender(opts: PushSenderOptions) {
  return async function send(target: PushTarget, payload: string, urgency: 'normal' | 'high'): Promise<PushAnswer> {
    const details = webpush.generateRequestDetails(target, payload, {
      vapidDetails: opts.vapid,
      TTL: PUSH_TTL_SECONDS,
      urgency,
      contentEncoding: 'aes128gcm',
    });
    const url = new URL(details.endpoint);
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(literal) && !opts.allowLocalEndpoints && isPrivateAddress(literal)) throw new PushNetworkError('the push endpoint is a private address');
    const client = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(details.headers)) headers[name] = value as string | number;
    return new Promise<PushAnswer>((resolve, reject) => {
      const req = client.request(url, { method: 'POST', headers, lookup: guardedLookup(opts.allowLocalEndpoints), timeout: opts.timeoutMs });
      const deadline = setTimeout(() => req.destroy(new PushNetworkError(`the push service did not answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
      req.on('timeout', () => req.destroy(new PushNetworkError(`the push service did not answer within ${opts.timeoutMs} ms`)));
      req.on('error', (err: Error & { code?: string }) => {
        clearTimeout(deadline);
        reject(err instanceof PushNetworkError ? err : new PushNetworkError(`the push service could not be reached (${err.code ?? err.message})`));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 4096) chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 300) });
        });
      });
      req.end(details.body ?? undefined);
    });
  };
}

export type PushSend = ReturnType<typeof createPushSender>;
