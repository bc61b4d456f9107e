import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/modules/calendars/address-guard.js';
import { fetchFeed, FeedError } from '../../src/modules/calendars/feed-fetcher.js';
import { NotICalError, parseFeed } from '../../src/modules/calendars/ical-feed.js';
import { fixtureFeed, startFeedServer, type FeedServer } from '../helpers/ical-feed-server.js';

describe('calendar addresses (SSRF guard)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1'])(
    'when the address is %s, then it is private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '151.101.1.140', '2a00:1450:4003::64'])('when the address is %s, then it is public', (address) => expect(isPrivateAddress(address)).toBe(false));

  let feeds: FeedServer;
  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.serve('/a.ics', 'vrbo.ics');
  });
  afterAll(() => feeds.close());
  const opts = { timeoutMs: 2000, maxBytes: 1 << 20 };

  it('when the feed is on loopback and private addresses are not allowed, then it is refused before any request', async () => {
    const before = feeds.requests.length;
    await expect(fetchFeed(feeds.url('/a.ics'), { etag: null, lastModified: null }, { ...opts, allowPrivateAddresses: false })).rejects.toMatchObject({ code: 'CALENDAR_URL_PRIVATE' });
    const byName = feeds.url('/a.ics').replace('127.0.0.1', 'localhost');
    await expect(fetchFeed(byName, { etag: null, lastModified: null }, { ...opts, allowPrivateAddresses: false })).rejects.toBeInstanceOf(FeedError);
    await expect(fetchFeed(byName, { etag: null, lastModified: null }, { ...opts, allowPrivateAddresses: false })).rejects.toMatchObject({ code: 'CALENDAR_URL_PRIVATE' });
    expect(feeds.requests.length).toBe(before);
  });

  it('when a feed redirects to another scheme, then the hop is refused (each hop is checked like the first address)', async () => {
    feeds.serve('/ftp.ics', (_req, res) => res.writeHead(302, { Location: 'ftp://example.com/a.ics' }).end());
    await expect(fetchFeed(feeds.url('/ftp.ics'), { etag: null, lastModified: null }, { ...opts, allowPrivateAddresses: true })).rejects.toMatchObject({ code: 'CALENDAR_URL_INVALID' });
  });

  it('when private addresses are allowed (development), then the feed is read with its validators', async () => {
    const read = await fetchFeed(feeds.url('/a.ics'), { etag: null, lastModified: null }, { ...opts, allowPrivateAddresses: true });
    expect(read.kind).toBe('body');
    if (read.kind !== 'body') return;
    expect(read.etag).toMatch(/^"/);
    const again = await fetchFeed(feeds.url('/a.ics'), { etag: read.etag, lastModified: read.lastModified }, { ...opts, allowPrivateAddresses: true });
    expect(again.kind).toBe('not-modified');
  });
});

describe('reading iCal feeds', () => {
  it('when the text is not a calendar, then NotICalError', () => {
    expect(() => parseFeed('<!doctype html><p>Sign in</p>', { includeBlocked: false })).toThrow(NotICalError);
    expect(() => parseFeed('BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR', { includeBlocked: false })).toThrow(NotICalError);
  });

  it('when an Airbnb feed has stays, a block and malformed events, then stays are read, the block left out and the rest counted', () => {
    const feed = parseFeed(fixtureFeed('airbnb-1-three-stays.ics'), { includeBlocked: false });
    expect(feed.stays.map((s) => [s.checkIn, s.checkOut, s.checkInAt])).toEqual([
      ['2026-05-20', '2026-05-25', null],
      ['2026-06-03', '2026-06-06', null],
      ['2026-06-08', '2026-06-12', null],
      ['2026-06-15', '2026-06-20', null],
    ]);
    expect([feed.skipped, feed.blocked]).toEqual([2, 1]);
    expect(parseFeed(fixtureFeed('airbnb-1-three-stays.ics'), { includeBlocked: true }).stays).toHaveLength(5);
  });

  it('when times carry a zone, UTC or none, then each becomes the right instant and Lisbon date', () => {
    const cal = (start: string, end: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART${start}\r\nDTEND${end}\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const zoned = parseFeed(cal(';TZID=America/New_York:20260701T200000', ':20260705T100000Z'), { includeBlocked: false }).stays[0]!;
    // 20:00 in New York is 01:00 next day in Lisbon (summer).
    expect([zoned.checkIn, zoned.checkInAt?.toISOString(), zoned.checkOut]).toEqual(['2026-07-02', '2026-07-02T00:00:00.000Z', '2026-07-05']);
    const floating = parseFeed(cal(':20260115T160000', ':20260118T110000'), { includeBlocked: false }).stays[0]!;
    expect(floating.checkInAt?.toISOString()).toBe('2026-01-15T16:00:00.000Z');
    const cancelled = parseFeed(cal(';VALUE=DATE:20260101', ';VALUE=DATE:20260103').replace('SUMMARY', 'STATUS:CANCELLED\r\nSUMMARY'), { includeBlocked: false }).stays[0]!;
    expect(cancelled.cancelled).toBe(true);
  });
});
