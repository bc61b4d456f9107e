import type { TFunction } from 'i18next';
import type { JobPhoto } from '@/features/photos/api/keys';
import '@/features/photos/photos-strings';
import '@/components/kit.css';

type PhotosT = TFunction<'photos'>;

/** The kit badge tone of each photo type: before is still to do, after is done, a detail is information. */
export const typeBadge = (type: JobPhoto['photoType']) => `badge badge--${({ before: 'warning', after: 'success', detail: 'info' } as const)[type]}`;

export const roomName = (t: PhotosT, roomArea: string | null) => roomArea ?? t('noRoom');

/** The alternative text of a photo: its type, room and caption, since the picture itself cannot be described. */
export function photoAlt(t: PhotosT, photo: Pick<JobPhoto, 'photoType' | 'roomArea' | 'caption'>): string {
  const values = { type: t(`type.${photo.photoType}`), room: roomName(t, photo.roomArea) };
  return photo.caption ? t('altCaption', { ...values, caption: photo.caption }) : t('alt', values);
}

/** Rooms compared as the server groups them: without case, surrounding spaces ignored. */
export const roomKey = (roomArea: string | null) => (roomArea === null ? '\u0000' : roomArea.trim().toLowerCase());
