import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import '@/features/laundry/laundry-strings';

describe('counts', () => {
  afterEach(() => setLocale('pt'));

  it('when there are none, then Portuguese uses the plural, as Portugal does', async () => {
    await setLocale('pt');
    expect(i18n.t('laundry:common.lineCount', { count: 0 })).toBe('0 artigos');
    expect(i18n.t('laundry:common.lineCount', { count: 1 })).toBe('1 artigo');
    expect(i18n.t('laundry:common.lineCount', { count: 2 })).toBe('2 artigos');
  });

  it('when there are none in English, then the plural too', async () => {
    await setLocale('en');
    expect(i18n.t('laundry:common.lineCount', { count: 0 })).toBe('0 items');
    expect(i18n.t('laundry:common.lineCount', { count: 1 })).toBe('1 item');
  });
});
