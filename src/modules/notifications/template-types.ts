import type { z } from 'zod';
import { displayPhone } from '../../lib/phone.js';

// What a notification type is and renders to, who it reaches, and the business it speaks for.

export type Locale = 'pt' | 'en';

export interface Rendered {
  title: string;
  body: string;
}
/** The business as e-mails name it: the trading name in subjects, how to reach it in the footer. */
export interface Brand {
  name: string;
  address: string;
  phone: string;
  email: string;
}

/** The name of a database without an identity row (the migration creates it; tests may render without one). */
export const DEFAULT_BRAND: Brand = { name: 'Lavandaria', address: '', phone: '', email: '' };

/** The signature under every e-mail: the business's name, address and how to reach it. */
export function mailFooter(b: Brand): string {
  const lines = [b.name, ...b.address.split(/\r?\n/).map((l) => l.trim()), [b.phone ? displayPhone(b.phone) : '', b.email].filter(Boolean).join(' · ')];
  return `\n-- \n${lines.filter(Boolean).join('\n')}\n`;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** Who a type can reach: staff (master and admin), workers, or clients. */
export type Audience = 'staff' | 'worker' | 'client';
export const AUDIENCES: readonly Audience[] = ['staff', 'worker', 'client'];

export function audienceOf(role: 'master' | 'admin' | 'worker' | 'client'): Audience {
  return role === 'master' || role === 'admin' ? 'staff' : role;
}

export interface Template<P> {
  params: z.ZodType<P>;
  /** The kinds of account that receive it; the e-mail preferences of an account list its audience's types. */
  audience: readonly Audience[];
  /** Shown in the bell (stored as a notification row). In-app is never switched off. */
  inApp: boolean;
  /** Also e-mailed when the recipient has an address and mail is configured. */
  email: boolean;
  /**
   * With `email`: the e-mail is the recipient's choice, on or off until they choose
   * (`GET/PUT /api/notification-preferences`). Absent: the e-mail is always sent (account and
   * security mail, urgent tickets) and the type is not listed in the preferences.
   */
  emailDefault?: boolean;
  /**
   * Several e-mails of digestible types to one account within `DIGEST_WINDOW_MS` of the first become one
   * e-mail listing them (sent when the window ends). For frequent, low-stakes types (a new message).
   */
  digest?: boolean;
  render(locale: Locale, p: P, b: Brand): Rendered;
  /** The e-mail may carry secrets (a temporary password, a reset link) that are never stored in clear. */
  renderEmail?(locale: Locale, p: P, secrets: Record<string, string>, b: Brand): RenderedEmail;
}

export function template<P>(t: Template<P>): Template<P> {
  return t;
}
