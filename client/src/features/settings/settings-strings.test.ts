import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { SETTING_KEYS } from '@contracts/settings';
import '@/features/settings/settings-strings';

// The server lists exactly SETTING_KEYS (GET /api/settings); the screen names each one from its strings, with
// no fallback of its own: a key without words in either language would show a code or English on a Portuguese page.
describe('settings screen words', () => {
  for (const language of ['en', 'pt'] as const) {
    it(`when the server has a setting, then the screen has a label and a help text for it in ${language}`, () => {
      const bundle = i18n.getResourceBundle(language, 'settings') as { labels: Record<string, string>; help: Record<string, string> };
      const missing = SETTING_KEYS.filter((key) => !bundle.labels[key]?.trim() || !bundle.help[key]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it('when a setting is shown in Portuguese, then its words are not the English ones', () => {
    const en = i18n.getResourceBundle('en', 'settings') as { labels: Record<string, string>; help: Record<string, string> };
    const pt = i18n.getResourceBundle('pt', 'settings') as { labels: Record<string, string>; help: Record<string, string> };
    expect(SETTING_KEYS.filter((key) => pt.labels[key] === en.labels[key] || pt.help[key] === en.help[key])).toEqual([]);
  });
});
