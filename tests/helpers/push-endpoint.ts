import crypto from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** The payload encryption library `web-push` itself uses (RFC 8188/8291), here on the receiving side. */
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: crypto.ECDH; authSecret: string }): Buffer;
};

export interface RecordedPush {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  status: number;
}

export interface PushEndpoint {
  /** A subscription endpoint on this server (a distinct path per device). */
  url(device: string): string;
  /** The answers to give next, in order (then 201 again): 404, 410, 500… */
  answerNext(...statuses: number[]): void;
  /** Holds the next request this long before answering (a slow push service). */
  delayNext(ms: number): void;
  /** Requests received and not yet answered. */
  readonly waiting: number;
  requests: RecordedPush[];
  close(): Promise<void>;
}

/**
 * A push service on loopback that records every request (headers and the encrypted body) and answers 201
 * Created, as a real push service accepts a message, unless told to answer otherwise.
 */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const requests: RecordedPush[] = [];
  const next: number[] = [];
  const delays: number[] = [];
  let waiting = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const delay = delays.shift() ?? 0;
    waiting++;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        waiting--;
        const status = next.shift() ?? 201;
        requests.push({ path: new URL(req.url ?? '/', 'http://x').pathname, headers: req.headers, body: Buffer.concat(chunks), status });
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 201 ? '' : `answer ${status}`);
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (device) => `http://127.0.0.1:${port}/push/${device}`,
    answerNext: (...statuses) => next.push(...statuses),
    delayNext: (ms) => delays.push(ms),
    get waiting() {
      return waiting;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's side of a subscription: its P-256 key pair and auth secret, able to decrypt what it receives. */
export function fakeDevice(endpoint: string) {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16).toString('base64url');
  return {
    subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth }, expirationTime: null },
    decrypt: (body: Buffer) => JSON.parse(ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8')) as Record<string, unknown>,
  };
}

/**
 * Checks a VAPID `Authorization: vapid t=<JWT>, k=<public key>` header (RFC 8292): the key, the claims and
 * the ES256 signature made with the matching private key. Returns the claims.
 */
export function verifyVapid(header: string | undefined, publicKey: string): { aud: string; sub: string; exp: number } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a VAPID authorization header: ${header}`);
  const [, token, key] = match as unknown as [string, string, string];
  if (key !== publicKey) throw new Error('the VAPID header names another public key');
  const [head, claims, signature] = token.split('.') as [string, string, string];
  const point = Buffer.from(publicKey, 'base64url');
  const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') };
  const ok = crypto.verify('sha256', Buffer.from(`${head}.${claims}`), { key: crypto.createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('the VAPID signature does not verify');
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { aud: string; sub: string; exp: number };
}
