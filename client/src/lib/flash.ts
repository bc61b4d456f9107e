/**
 * A one-time message carried across a redirect (e.g. "your session has ended" shown on the sign-in
 * page). Kept in sessionStorage so it survives the navigation but not the tab.
 */
export type Flash = 'expired' | 'signed-out';
const KEY = 'lavandaria.flash';

export const flash = {
  set(value: Flash): void {
    try {
      sessionStorage.setItem(KEY, value);
    } catch {
      // Without storage the message is simply not shown.
    }
  },
  peek(): Flash | null {
    try {
      const value = sessionStorage.getItem(KEY);
      return value === 'expired' || value === 'signed-out' ? value : null;
    } catch {
      return null;
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing was stored.
    }
  },
};
