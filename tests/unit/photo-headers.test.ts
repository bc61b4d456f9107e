import { describe, expect, it } from 'vitest';
import { matchesETag, photoHeaders } from '../../src/modules/photos/photo-headers.js';

const SHA = 'a'.repeat(64);

describe('photo serving headers', () => {
  it('when a photo is served, then it carries its type, nosniff, an inline server-made name, a locked-down CSP, a private cache and a strong ETag', () => {
    expect(photoHeaders({ photoId: 42, rendition: 'image', contentType: 'image/webp', sha256: SHA, size: 1234 })).toEqual({
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline; filename="photo-42.webp"',
      'Content-Security-Policy': "default-src 'none'",
      'Cache-Control': 'private, max-age=3600',
      ETag: `"${SHA}"`,
      'Content-Length': '1234',
    });
  });

  it('when a thumbnail is served, then its name says so', () => {
    expect(photoHeaders({ photoId: 7, rendition: 'thumbnail', contentType: 'image/webp', sha256: SHA })['Content-Disposition']).toBe(
      'inline; filename="photo-7-thumbnail.webp"',
    );
  });

  it.each([
    [`"${SHA}"`, true],
    [`W/"${SHA}"`, true],
    [`"other", "${SHA}"`, true],
    ['*', true],
    ['"other"', false],
    [SHA, false],
    [undefined, false],
    ['', false],
  ])('when If-None-Match is %j, then it matches: %s', (header, matches) => {
    expect(matchesETag(header, SHA)).toBe(matches);
  });
});
