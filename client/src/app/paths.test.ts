import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from '@/app/paths';

describe('where to go after signing in', () => {
  it('when the remembered page is in the own area, then it is kept with its query', () => {
    expect(safeNext('/admin/profile?tab=2', 'admin')).toBe('/admin/profile?tab=2');
    expect(safeNext('/admin', 'master')).toBe('/admin');
  });

  it('when the remembered page is elsewhere or another origin, then the own home is used', () => {
    expect(safeNext('//evil.example/admin', 'admin')).toBe('/admin');
    expect(safeNext('/\\evil.example', 'admin')).toBe('/admin');
    expect(safeNext('https://evil.example/client', 'client')).toBe('/client');
    expect(safeNext('/admin/profile', 'client')).toBe('/client');
    expect(safeNext('/administrator', 'admin')).toBe('/admin');
    expect(safeNext(null, 'worker')).toBe('/worker');
  });

  it('when a page sends to sign in, then it remembers itself in the address', () => {
    expect(signInPath('/client/profile')).toBe('/?next=%2Fclient%2Fprofile');
    expect(signInPath('/')).toBe('/');
  });
});
