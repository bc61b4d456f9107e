import { describe, expect, it } from 'vitest';
import { containsPattern, decodeCursor, encodeCursor, IdParams, oneOf, pageOfArray, pagingQuery, sqlParams } from '../../src/lib/paging.js';
import { changedFields } from '../../src/modules/audit/audit.service.js';
import { renderNotification, TEMPLATES } from '../../src/modules/notifications/templates.js';

describe('paging helpers', () => {
  it('when the query is empty, then limit 50 offset 0 and the default sort apply; bounds are enforced', () => {
    const q = pagingQuery(['name', 'createdAt'], '-createdAt');
    expect(q.parse({})).toEqual({ limit: 50, offset: 0, sort: '-createdAt' });
    expect(q.safeParse({ limit: '100' }).success).toBe(true);
    expect(q.safeParse({ limit: '101' }).success).toBe(false);
    expect(q.safeParse({ limit: '0' }).success).toBe(false);
    expect(q.safeParse({ offset: '10000' }).success).toBe(true);
    expect(q.safeParse({ offset: '10001' }).success).toBe(false);
    expect(q.safeParse({ sort: 'password' }).success).toBe(false);
    expect(q.safeParse({ cursor: 'a b' }).success).toBe(false);
  });

  it('when a cursor is decoded for the sort it was made for, then it round-trips; for another sort or tampered, then 400 INVALID_CURSOR', () => {
    const cursor = encodeCursor({ s: '-name', v: 'joão', i: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-name', 'text')).toEqual({ s: '-name', v: 'joão', i: 42 });
    expect(() => decodeCursor(cursor, 'name', 'text')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }));
    expect(() => decodeCursor(cursor, '-name', 'number')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => decodeCursor('bm90IGpzb24', '-name', 'text')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => decodeCursor(encodeCursor({ s: 'createdAt', v: 'yesterday', i: 1 }), 'createdAt', 'timestamp')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it('when a filter has one value, then it is an equality (an index reads in order); several, then = ANY', () => {
    const one = sqlParams(['x']);
    expect(oneOf('o.status', ['ready'], one)).toBe('o.status = $2');
    expect(one.values).toEqual(['x', 'ready']);
    const several = sqlParams();
    expect(oneOf('o.status', ['ready', 'collected'], several)).toBe('o.status = ANY($1::text[])');
    expect(several.values).toEqual([['ready', 'collected']]);
  });

  it('when search text contains LIKE wildcards, then they are escaped', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('when a path id is not a positive whole number, then it is refused before any SQL', () => {
    expect(IdParams.parse({ id: '42' })).toEqual({ id: 42 });
    for (const bad of ['0', '-1', '1.0', '1e3', 'abc', '', '1234567890123456']) expect(IdParams.safeParse({ id: bad }).success, bad).toBe(false);
  });
});

describe('audit diff', () => {
  it('when two snapshots differ, then only the changed field names are listed, version and timestamps aside', () => {
    expect(changedFields({ name: 'A', role: 'worker', version: 1, updatedAt: 'x' }, { name: 'B', role: 'worker', version: 2, updatedAt: 'y' })).toEqual(['name']);
    expect(changedFields(null, { name: 'A', nif: null })).toEqual(['name']);
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual(['tags']);
  });
});

describe('notification templates', () => {
  it('when a welcome is rendered, then it speaks the reader’s language with the parameters in it', () => {
    expect(renderNotification('account.welcome', { name: 'Maria', login: '+351911111111' }, 'pt').title).toBe('Bem-vindo(a) à Lavandaria');
    expect(renderNotification('account.welcome', { name: 'Maria', login: '+351911111111' }, 'en').body).toContain('+351911111111');
  });

  it('when a stored notification has an unknown type or bad parameters, then it still renders without throwing', () => {
    expect(renderNotification('no.such.type', {}, 'pt')).toEqual({ title: 'no.such.type', body: '' });
    expect(renderNotification('account.welcome', { name: 3 }, 'en')).toEqual({ title: 'account.welcome', body: '' });
  });

  it('when a type e-mails, then it has e-mail text in both languages', () => {
    for (const [type, t] of Object.entries(TEMPLATES)) {
      if (!t.email) continue;
      expect('renderEmail' in t, type).toBe(true);
    }
  });
});

describe('a short list held whole', () => {
  const items = Array.from({ length: 7 }, (_, i) => `item-${i}`);

  it('when it is walked by cursor, then every item comes once, in order, and the last page has no next cursor', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageOfArray(items, { limit: 3, offset: 0, cursor, sort: 'position' });
      expect(page.page).toMatchObject({ total: 7, limit: 3, offset: 0 });
      seen.push(...page.items);
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(items);
  });

  it('when it is read by offset or in reverse, then the slice follows; a cursor with an offset or from another sort is refused', () => {
    expect(pageOfArray(items, { limit: 2, offset: 6, sort: 'position' })).toEqual({
      items: ['item-6'],
      page: { total: 7, totalCapped: false, limit: 2, offset: 6, nextCursor: null },
    });
    expect(pageOfArray(items, { limit: 2, offset: 0, sort: '-position' }).items).toEqual(['item-6', 'item-5']);
    const cursor = pageOfArray(items, { limit: 2, offset: 0, sort: 'position' }).page.nextCursor!;
    expect(() => pageOfArray(items, { limit: 2, offset: 1, cursor, sort: 'position' })).toThrow(expect.objectContaining({ code: 'INVALID_PAGING' }));
    expect(() => pageOfArray(items, { limit: 2, offset: 0, cursor, sort: '-position' })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
