import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '@contracts/settings';
import { settingsEn } from '@/features/settings/settings-strings';

// The settings screen names every setting the server has, in both languages (Shape makes Portuguese
// follow English): a key without words would show its English server description on a Portuguese page.
describe('settings screen labels', () => {
  it('when the server has a setting, then the screen has a label and a help text for it', () => {
    expect(SETTING_KEYS.filter((key) => !(key in settingsEn.labels))).toEqual([]);
    expect(SETTING_KEYS.filter((key) => !(key in settingsEn.help))).toEqual([]);
  });
});
