import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { tempDir } from './support.js';
import { SERVER_ARGS } from '../helpers/server-command.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(250);
  }
}

/** A minimal SMTP server that accepts every message and keeps it: the mail a server sends, counted. */
export async function smtpSink() {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (line.startsWith('EHLO')) socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, messages, close: () => new Promise((r) => server.close(r)) };
}

export interface ServerProcess {
  name: string;
  base: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The real server (`src/main.ts` through tsx) as a child process, in a directory of its own so no developer .env is read. */
export function startServer(name: string, port: number, env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: tempDir(`server-${name}`),
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    name,
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

/** Log lines (JSON in production) of a server whose message matches. */
export const logLines = (server: ServerProcess, pattern: RegExp) =>
  server
    .output()
    .split('\n')
    .filter((l) => pattern.test(l));

export async function call(base: string, method: string, url: string, options: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.json()) as { data?: Record<string, unknown> & Array<Record<string, unknown>>; error?: { code: string } }) : null;
  const bytes = type.includes('json') ? null : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, bytes, headers: res.headers, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}
