import type { Locale, Rendered } from './template-types.js';

// Dates, money and recurring phrases as the notifications write them, in each language.

export const when = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'pt' ? 'pt-PT' : 'en-GB', { timeZone: 'Europe/Lisbon', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** A Lisbon calendar date (YYYY-MM-DD) as people write it. */
export const day = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'pt' ? 'pt-PT' : 'en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`));

/** Euros from integer cents, as people read them in each language. */
export const euros = (cents: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'pt' ? 'pt-PT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A month YYYY-MM as people write it ("março de 2026", "March 2026"). */
export const monthName = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'pt' ? 'pt-PT' : 'en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));

export const repeats = (n: number, locale: Locale) =>
  n <= 1 ? '' : locale === 'pt' ? ` (e mais ${n - 1} repetições já marcadas)` : ` (and ${n - 1} more repeats already scheduled)`;

/** What a conversation is about, in a sentence: "a encomenda LAV-…", "a limpeza de ter., 3/mar.", "o pedido n.º 5". */
export interface About {
  subject: 'laundry_order' | 'cleaning_job' | 'request';
  subjectId: number;
  reference: string;
}
export const aboutPt = (p: About) =>
  p.subject === 'laundry_order' ? `a encomenda ${p.reference}` : p.subject === 'cleaning_job' ? `a limpeza de ${day(p.reference, 'pt')}` : `o pedido n.º ${p.reference}`;
export const aboutEn = (p: About) =>
  p.subject === 'laundry_order' ? `order ${p.reference}` : p.subject === 'cleaning_job' ? `the cleaning on ${day(p.reference, 'en')}` : `request no. ${p.reference}`;

export const PRIORITY_PT = { low: 'baixa', medium: 'média', high: 'alta', urgent: 'urgente' } as const;

export type JobChange = 'date' | 'time' | 'address' | 'workers' | 'removed';
export const CHANGE_PT: Record<JobChange, string> = { date: 'data', time: 'hora', address: 'morada', workers: 'equipa', removed: '' };
export const CHANGE_EN: Record<JobChange, string> = { date: 'date', time: 'time', address: 'address', workers: 'team', removed: '' };

export function jobChangedTitle(p: { changes: JobChange[] }, locale: Locale): string {
  if (p.changes.includes('removed')) return locale === 'pt' ? 'Saiu de uma limpeza' : 'Taken off a cleaning job';
  return locale === 'pt' ? 'Limpeza alterada' : 'Cleaning job changed';
}

export function jobChangedBody(p: { place: string; date: string; time: string; changes: JobChange[]; occurrences: number }, locale: Locale): string {
  if (p.changes.includes('removed')) {
    return locale === 'pt'
      ? `Já não está na limpeza em ${p.place}, ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.`
      : `You are no longer on the cleaning at ${p.place}, ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.`;
  }
  const what = p.changes.map((c) => (locale === 'pt' ? CHANGE_PT[c] : CHANGE_EN[c])).join(', ');
  return locale === 'pt'
    ? `Mudou ${what}: a limpeza é agora em ${p.place}, ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.`
    : `Changed: ${what}. The cleaning is now at ${p.place}, ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.`;
}

export const REQUEST_KINDS = {
  pt: { pickup: 'recolha de roupa', delivery: 'entrega de roupa', cleaning: 'limpeza' },
  en: { pickup: 'laundry pickup', delivery: 'laundry delivery', cleaning: 'cleaning visit' },
} as const;
export const requestKind = (kind: 'pickup' | 'delivery' | 'cleaning', locale: Locale) => REQUEST_KINDS[locale][kind];

export function requestUpdate(
  locale: Locale,
  p: { kind: 'pickup' | 'delivery' | 'cleaning'; state: string; date?: string | undefined; windowStart?: string | undefined; windowEnd?: string | undefined; reason?: string | null | undefined },
): Rendered {
  const kind = requestKind(p.kind, locale);
  const at = p.date ? `${day(p.date, locale)}${p.windowStart ? `, ${p.windowStart}–${p.windowEnd ?? ''}` : ''}` : '';
  if (locale === 'pt') {
    if (p.state === 'proposed') return { title: 'Propomos outra hora', body: `Para o seu pedido de ${kind} propomos ${at}. Aceite ou recuse no pedido.` };
    if (p.state === 'accepted') return { title: 'Pedido aceite', body: `O seu pedido de ${kind} foi aceite para ${at}.` };
    if (p.state === 'declined') return { title: 'Pedido recusado', body: `O seu pedido de ${kind} foi recusado${p.reason ? `: ${p.reason}` : '.'}` };
    return { title: 'Pedido atualizado', body: `O seu pedido de ${kind} foi atualizado.` };
  }
  if (p.state === 'proposed') return { title: 'We propose another time', body: `For your ${kind} request we propose ${at}. Accept or decline it on the request.` };
  if (p.state === 'accepted') return { title: 'Request accepted', body: `Your ${kind} request was accepted for ${at}.` };
  if (p.state === 'declined') return { title: 'Request declined', body: `Your ${kind} request was declined${p.reason ? `: ${p.reason}` : '.'}` };
  return { title: 'Request updated', body: `Your ${kind} request was updated.` };
}
