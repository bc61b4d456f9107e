/**
 * Response headers for a stored photo (ASVS 3.4.4, 5.3.1, 5.4.1). The bytes are always a re-encoded
 * image, and these make sure nothing else could ever happen to them in a browser: no sniffing, no
 * script or style even if a file were opened directly, a file name made by the server, kept in the
 * user's private cache only.
 */
export interface PhotoHeaderInput {
  photoId: number;
  rendition: 'image' | 'thumbnail';
  contentType: string;
  sha256: string;
  size?: number;
}

const EXTENSIONS: Record<string, string> = { 'image/webp': 'webp', 'image/jpeg': 'jpg' };

/** An hour in the browser's own cache; after that the ETag makes a revalidation a cheap 304. */
export const PHOTO_CACHE_CONTROL = 'private, max-age=3600';
/**
 * A photo reached through a link that can be switched off (a shared report): kept, but asked about on
 * every view (a 304 while the link stands), so a revoked or expired link stops its photos at once too.
 */
export const REVOCABLE_PHOTO_CACHE_CONTROL = 'private, no-cache';

export function photoETag(sha256: string): string {
  return `"${sha256}"`;
}

export function photoFileName(photoId: number, rendition: 'image' | 'thumbnail', contentType: string): string {
  const ext = EXTENSIONS[contentType] ?? 'bin';
  return rendition === 'thumbnail' ? `photo-${photoId}-thumbnail.${ext}` : `photo-${photoId}.${ext}`;
}

export function photoHeaders({ photoId, rendition, contentType, sha256, size }: PhotoHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    // RFC 6266: a plain ASCII name of our own making, so no quoting or encoding issue can arise.
    'Content-Disposition': `inline; filename="${photoFileName(photoId, rendition, contentType)}"`,
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': PHOTO_CACHE_CONTROL,
    ETag: photoETag(sha256),
  };
  if (size !== undefined) headers['Content-Length'] = String(size);
  return headers;
}

/** If-None-Match (RFC 9110 §13.1.2): a list of tags or `*`, compared weakly. */
export function matchesETag(ifNoneMatch: string | undefined, sha256: string): boolean {
  if (!ifNoneMatch) return false;
  const ours = photoETag(sha256);
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === ours;
  });
}
