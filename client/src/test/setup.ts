import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n, setLocale } from '@/lib/i18n';
// Components are rendered outside the router, whose lazy pages would otherwise register these.
import '@/components/icon-set';

beforeAll(async () => {
  await initI18n('pt');
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  await setLocale('pt');
});
