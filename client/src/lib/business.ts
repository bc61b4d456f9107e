import { useSyncExternalStore } from 'react';
import type { PublicBusinessDto } from '@contracts/business';
import { api } from '@/lib/api-client';

/**
 * The business's public identity (name, address, phone, e-mail, logo) from GET /api/business, the one
 * place it is configured (Settings → Business). Read once when the app starts (main.tsx) — the landing
 * page needs it before the query cache exists — and replaced when the owner edits it. Undefined until
 * it arrives: screens then show the app's own name.
 */
export type PublicBusiness = PublicBusinessDto;

let current: PublicBusiness | undefined;
const listeners = new Set<() => void>();

export function setBusiness(business: PublicBusiness): void {
  current = business;
  for (const listener of listeners) listener();
}

/** Fetches the identity (at start, and after the owner changes it); a failure keeps what was shown. */
export function loadBusiness(): Promise<void> {
  return api.get<PublicBusiness>('/api/business').then(setBusiness, () => undefined);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useBusiness(): PublicBusiness | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
