import { describe, expect, it } from 'vitest';
import { appLink } from './app-link';

describe('where a notification leads', () => {
  it('when the server links into the app, then each role opens it in its own area', () => {
    expect(appLink('/app/laundry/12', 'client')).toBe('/client/laundry/12');
    expect(appLink('/app/cleaning/3', 'worker')).toBe('/worker/cleaning/3');
    expect(appLink('/app/cleaning/3', 'master')).toBe('/admin/cleaning/3');
    expect(appLink('/client/profile', 'client')).toBe('/client/profile');
  });

  it('when the link is missing or points elsewhere, then there is nothing to open', () => {
    expect(appLink(null, 'client')).toBeNull();
    expect(appLink('https://evil.example/x', 'client')).toBeNull();
    expect(appLink('//evil.example/x', 'client')).toBeNull();
    expect(appLink('/\\evil.example', 'client')).toBeNull();
  });
});
