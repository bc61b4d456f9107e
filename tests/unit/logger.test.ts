import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', pretty: false, destination }) };
}

describe('error lines', () => {
  it('when a database error carries its connection, then the line keeps the code and message but never the connection or its password', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
      client: { connectionParameters: { user: 'lavandaria', password: 'very-secret-db-password', host: 'db' }, _queryQueue: [] },
    });
    logger.error({ err: error }, '❌ Database connection error (idle client)');
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01', severity: 'FATAL' });
    expect(err.stack).toEqual(expect.stringContaining('Error: terminating connection'));
    expect(err).not.toHaveProperty('client');
    expect(JSON.stringify(lines[0])).not.toContain('very-secret-db-password');
  });

  it('when an error has a cause, then the cause is kept', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('upload failed', { cause: new Error('bucket unreachable') }) }, 'failed');
    expect(JSON.stringify(lines[0]!.err)).toContain('bucket unreachable');
  });
});
