import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import '@/features/laundry/counter/counter-strings';

describe('counts', () => {
  afterEach(() => setLocale('pt'));

  it('when there are none, then Portuguese uses the plural, as Portugal does', async () => {
    await setLocale('pt');
    expect(i18n.t('counter:done.photosSent', { count: 0 })).toBe('0 fotografias do estado enviadas.');
    expect(i18n.t('counter:done.photosSent', { count: 1 })).toBe('1 fotografia do estado enviada.');
    expect(i18n.t('counter:done.photosSent', { count: 2 })).toBe('2 fotografias do estado enviadas.');
  });

  it('when there are none in English, then the plural too', async () => {
    await setLocale('en');
    expect(i18n.t('counter:done.photosSent', { count: 0 })).toBe('0 condition photos sent.');
    expect(i18n.t('counter:done.photosSent', { count: 1 })).toBe('1 condition photo sent.');
  });
});
