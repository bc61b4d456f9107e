import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n, setLocale } from '@/lib/i18n';
// Components are rendered outside the router, whose lazy pages would otherwise register these.
import '@/components/icon-set';

// The test DOM fires `selectionchange` inside Selection.collapse, even when nothing moves, and the date
// fields' segments collapse the selection when it changes: an endless recursion that a browser (which fires
// it later, and only on a real change) never has. A change made while handling one is not announced again.
const dispatchNow = document.dispatchEvent.bind(document);
let announcingSelection = false;
document.dispatchEvent = (event: Event) => {
  if (event.type !== 'selectionchange') return dispatchNow(event);
  if (announcingSelection) return true;
  announcingSelection = true;
  try {
    return dispatchNow(event);
  } finally {
    announcingSelection = false;
  }
};

beforeAll(async () => {
  await initI18n('pt');
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  await setLocale('pt');
});
