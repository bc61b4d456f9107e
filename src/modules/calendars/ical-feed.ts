import ICAL from 'ical.js';
import { lisbonDate } from '../../lib/clock.js';
import { lisbonInstant } from '../cleaning/cleaning-schedule.js';

/** One stay read from a feed: the dates a turnover needs and nothing about the guest. */
export interface FeedStay {
  uid: string;
  /** Lisbon calendar dates. */
  checkIn: string;
  checkOut: string;
  /** The arrival instant when the feed gives a time (DATE-TIME); null for all-day events. */
  checkInAt: Date | null;
  /** The feed marks it cancelled (STATUS:CANCELLED): treated like a stay that vanished. */
  cancelled: boolean;
}

export interface ParsedFeed {
  stays: FeedStay[];
  /** Events that could not be read (no UID, no dates, ending before they start): skipped and counted. */
  skipped: number;
  /** Blocked dates left out ("Not available", "Blocked", "Closed"). */
  blocked: number;
}

export class NotICalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotICalError';
  }
}

/**
 * How the platforms mark dates that are closed rather than booked: Airbnb "Airbnb (Not available)",
 * Booking.com "CLOSED - Not available", VRBO "Blocked". A reservation says "Reserved" or the guest.
 */
const BLOCKED_SUMMARY = /not available|blocked|closed|unavailable|indispon/i;

type IcalTime = InstanceType<typeof ICAL.Time>;

/** Whether the runtime knows this IANA zone name (the usual TZID of Airbnb and Google feeds). */
function isIanaZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

/** The UTC instant of a wall-clock time in an IANA zone (two passes settle the DST offset). */
function zonedInstant(t: IcalTime, tzid: string): Date {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const offsetAt = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
  };
  const first = naive - offsetAt(naive);
  return new Date(naive - offsetAt(first));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A DTSTART/DTEND as a Lisbon date plus, for DATE-TIME values, the instant. A TZID the runtime knows
 * is honoured directly; one defined only by the feed's own VTIMEZONE goes through ical.js; a floating
 * time is taken as the property's (Lisbon) wall clock.
 */
function readTime(t: IcalTime, tzidParam: string | undefined, zones: Map<string, InstanceType<typeof ICAL.Timezone>>): { date: string; at: Date | null } {
  if (t.isDate) return { date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, at: null };
  let at: Date;
  const tzid = tzidParam ?? t.zone?.tzid;
  if (t.zone?.tzid === 'UTC' || tzid === 'Z') at = t.toJSDate();
  else if (tzid && zones.has(tzid)) {
    const local = t.clone();
    local.zone = zones.get(tzid)!;
    at = new Date(local.toUnixTime() * 1000);
  } else if (tzid && tzid !== 'floating' && isIanaZone(tzid)) at = zonedInstant(t, tzid);
  else at = lisbonInstant(`${t.year}-${pad(t.month)}-${pad(t.day)}`, `${pad(t.hour)}:${pad(t.minute)}`);
  return { date: lisbonDate(at), at };
}

function isPlausible(t: unknown): t is IcalTime {
  return t instanceof ICAL.Time && t.year >= 2000 && t.year <= 2100;
}

/** Reads an RFC 5545 feed into stays. Throws NotICalError when the text is not a calendar at all. */
export function parseFeed(text: string, options: { includeBlocked: boolean }): ParsedFeed {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw new NotICalError('The document does not start with BEGIN:VCALENDAR.');
  let root: InstanceType<typeof ICAL.Component>;
  try {
    const parsed: unknown = ICAL.parse(text);
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as unknown[]);
  } catch (err) {
    throw new NotICalError(`The calendar could not be read: ${(err as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new NotICalError('The document is not a VCALENDAR.');

  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    try {
      const tz = new ICAL.Timezone(vtz);
      if (tz.tzid) zones.set(tz.tzid, tz);
    } catch {
      // An unreadable VTIMEZONE leaves its times to the IANA name or the Lisbon wall clock.
    }
  }

  const stays = new Map<string, FeedStay>();
  let skipped = 0;
  let blocked = 0;
  for (const vevent of root.getAllSubcomponents('vevent')) {
    try {
      const uid = vevent.getFirstPropertyValue('uid');
      const start = vevent.getFirstPropertyValue('dtstart');
      let end = vevent.getFirstPropertyValue('dtend');
      if (!end && isPlausible(start) && start.isDate) {
        // RFC 5545 §3.6.1: an all-day event without DTEND lasts one day.
        end = start.clone();
        (end as IcalTime).adjust(1, 0, 0, 0);
      }
      if (typeof uid !== 'string' || uid.trim() === '' || uid.length > 500 || !isPlausible(start) || !isPlausible(end)) {
        skipped += 1;
        continue;
      }
      const summary = String(vevent.getFirstPropertyValue('summary') ?? '');
      if (!options.includeBlocked && BLOCKED_SUMMARY.test(summary)) {
        blocked += 1;
        continue;
      }
      const tzidOf = (name: string) => {
        const value = vevent.getFirstProperty(name)?.getParameter('tzid');
        return typeof value === 'string' ? value : undefined;
      };
      const from = readTime(start, tzidOf('dtstart'), zones);
      const to = readTime(end, tzidOf('dtend'), zones);
      if (to.date <= from.date) {
        skipped += 1;
        continue;
      }
      const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
      // A UID repeated in one feed (a RECURRENCE-ID override): the last one read wins.
      stays.set(uid, { uid, checkIn: from.date, checkOut: to.date, checkInAt: from.at, cancelled: status === 'CANCELLED' });
    } catch {
      skipped += 1;
    }
  }
  return { stays: [...stays.values()], skipped, blocked };
}
