/**
 * A non-secret note that this browser signed in. The session cookie is httpOnly, so the page cannot
 * see it; without this note every anonymous visit to the landing page would ask the server for a
 * session only to be told 401.
 */
const KEY = 'lavandaria.signedIn';

export const sessionHint = {
  get(): boolean {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  },
  set(signedIn: boolean): void {
    try {
      if (signedIn) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      // Storage can be disabled (private mode); the note is only an optimisation.
    }
  },
};
