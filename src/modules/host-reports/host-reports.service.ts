import { conflict } from '../../lib/app-error.js';
import type { Actor } from '../../lib/request-context.js';
import type { HostReportDto } from '../../contracts/host-reports.js';
import type { JobPhotoDto } from '../../contracts/photos.js';
import type { CleaningService } from '../cleaning/cleaning.service.js';
import type { ChecklistsService } from '../checklists/checklists.service.js';
import type { LinenService } from '../linen/linen.service.js';
import type { PhotosService } from '../photos/photos.service.js';

export interface HostReportsDeps {
  cleaning: Pick<CleaningService, 'jobAccess' | 'get'>;
  checklists: Pick<ChecklistsService, 'forJob'>;
  photos: Pick<PhotosService, 'list'>;
  linen: Pick<LinenService, 'forJob'>;
}

/** Photos of a report: at most this many (the list's page size), grouped by room. */
const REPORT_PHOTOS = 100;

/**
 * The report of a completed turnover, composed from the modules that own each part and always as the
 * host (the job's client) sees them: staff asking for it get the very page the host gets.
 */
export function createHostReportsService({ cleaning, checklists, photos, linen }: HostReportsDeps) {
  return {
    async report(actor: Actor, jobId: number): Promise<HostReportDto> {
      const access = await cleaning.jobAccess(actor, jobId);
      if (access.status !== 'completed') throw conflict('REPORT_NOT_READY', 'The report is ready once the cleaning is completed.');
      const host: Actor = { type: 'client', id: access.clientId, role: 'client' };
      const [job, checklist, page, linenView] = await Promise.all([
        cleaning.get(host, jobId),
        checklists.forJob(host, jobId),
        photos.list(host, jobId, {}, { limit: REPORT_PHOTOS, offset: 0, sort: 'room' }),
        linen.forJob(host, jobId),
      ]);
      const rooms = new Map<string | null, HostReportDto['rooms'][number]>();
      for (const p of page.items as JobPhotoDto[]) {
        const room = rooms.get(p.roomArea) ?? { room: p.roomArea, before: [], after: [], detail: [] };
        rooms.set(p.roomArea, room);
        room[p.photoType].push({ id: p.id, url: p.url, thumbnailUrl: p.thumbnailUrl, caption: p.caption, takenAt: p.takenAt });
      }
      const { jobId: _checklistJob, ...checklistPart } = checklist;
      const { jobId: _linenJob, ...linenPart } = linenView;
      return {
        jobId,
        property: { id: job.property.id, name: job.property.name, city: job.property.city },
        scheduledDate: job.scheduledDate,
        completedAt: job.completedAt!,
        timeOnSite: (job.timeLogs ?? []).map((l) => ({ startedAt: l.startedAt, endedAt: l.endedAt, minutes: 'durationMinutes' in l ? l.durationMinutes : null })),
        checklist: checklistPart,
        rooms: [...rooms.values()],
        linen: linenPart,
      };
    },
  };
}

export type HostReportsService = ReturnType<typeof createHostReportsService>;
