import type { TFunction } from 'i18next';
import type { LocaleCode } from '@contracts/auth';
import { LOCALE_TAGS } from '@/lib/i18n';

/** Small presentation helpers shared by the cleaning screens (no money here: that is lib/format). */

interface Address {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
}

export function addressText(p: Address): string {
  return [p.addressLine1, p.addressLine2, `${p.postalCode} ${p.city}`].filter(Boolean).join(', ');
}

/** A maps search for the address: opens the phone's maps app (or the web map) at the door. */
export function mapsHref(p: Address): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(addressText(p))}`;
}

/** 2.5 → "2,5" in Portuguese, "2.5" in English. */
export function formatNumber(value: number, locale: LocaleCode): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 2 }).format(value);
}

/** 130 → "2 h 10 min"; under an hour → "45 min". */
export function formatMinutes(total: number, t: TFunction<'cleaning'>): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('durationMinutes', { minutes });
  return minutes === 0 ? t('durationHours', { hours }) : t('duration', { hours, minutes });
}

/** Exact logged time: 40 → "40 s"; 7230 → "2 h 0 min 30 s"; whole minutes as formatMinutes. */
export function formatSeconds(total: number, t: TFunction<'cleaning'>): string {
  const seconds = total % 60;
  if (total < 60) return t('durationSeconds', { seconds });
  const minutes = formatMinutes(Math.floor(total / 60), t);
  return seconds === 0 ? minutes : t('durationWithSeconds', { duration: minutes, seconds });
}

/** A running clock: 1:05:09 (hours:minutes:seconds), for the live timer on site. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export type WorkerAccess = 'shown' | 'later' | 'closed' | 'none';

/**
 * What a worker's access section says. The server sends the notes only inside the window (from a
 * set time before the job until it is over), so "nothing sent" means "not yet", "no longer" or
 * "there are none" depending on the job's status and the window.
 */
export function workerAccess(job: { status: string; accessInstructionsFrom: string; property: { accessInstructions?: string | null } }, now = Date.now()): WorkerAccess {
  if (job.property.accessInstructions) return 'shown';
  const open = job.status === 'scheduled' || job.status === 'in_progress';
  if (!open) return job.property.accessInstructions === undefined ? 'closed' : 'none';
  if (job.property.accessInstructions === undefined && Date.parse(job.accessInstructionsFrom) > now) return 'later';
  return 'none';
}
