import type { Db } from '../../db/pool.js';
import { badRequest, conflict } from '../../lib/app-error.js';
import type { Actor } from '../../lib/request-context.js';
import type { HostReportDto, JobIssueDto, RaiseJobIssueInput } from '../../contracts/host-reports.js';
import type { JobPhotoDto } from '../../contracts/photos.js';
import type { CleaningService } from '../cleaning/cleaning.service.js';
import type { ChecklistsService } from '../checklists/checklists.service.js';
import type { LinenService } from '../linen/linen.service.js';
import type { PhotosService } from '../photos/photos.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { HostReportsRepository, IssueRow } from './host-reports.repository.js';

export interface HostReportsDeps {
  db: Db;
  repo: HostReportsRepository;
  cleaning: Pick<CleaningService, 'jobAccess' | 'get'>;
  checklists: Pick<ChecklistsService, 'forJob'>;
  photos: Pick<PhotosService, 'list'>;
  linen: Pick<LinenService, 'forJob'>;
  tickets: Pick<TicketsService, 'create'>;
}

/** Photos of a report: at most this many (the list's page size), grouped by room. */
const REPORT_PHOTOS = 100;

/** A ticket's title from the noted text: its first line, cut at a word near 80 characters. */
export function issueTitle(text: string): string {
  const line = text.split('\n')[0]!.trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

function toIssue(r: IssueRow): JobIssueDto {
  return {
    id: r.id,
    text: r.description,
    raisedAt: r.created_at.toISOString(),
    raisedBy: { firstName: firstName(r.raised_by_name) },
    photo: r.photo_id ? { id: r.photo_id, url: `/api/photos/${r.photo_id}`, thumbnailUrl: `/api/photos/${r.photo_id}/thumbnail` } : null,
  };
}

/**
 * The report of a completed turnover, composed from the modules that own each part and always as the
 * host (the job's client) sees them: staff asking for it get the very page the host gets. Problems
 * noted on a job are tickets linked to it, so staff also meet them in the tickets inbox.
 */
export function createHostReportsService({ db, repo, cleaning, checklists, photos, linen, tickets }: HostReportsDeps) {
  return {
    async report(actor: Actor, jobId: number): Promise<HostReportDto> {
      const access = await cleaning.jobAccess(actor, jobId);
      if (access.status !== 'completed') throw conflict('REPORT_NOT_READY', 'The report is ready once the cleaning is completed.');
      const host: Actor = { type: 'client', id: access.clientId, role: 'client' };
      const [job, checklist, page, linenView, issues] = await Promise.all([
        cleaning.get(host, jobId),
        checklists.forJob(host, jobId),
        photos.list(host, jobId, {}, { limit: REPORT_PHOTOS, offset: 0, sort: 'room' }),
        linen.forJob(host, jobId),
        repo.issues(db, jobId),
      ]);
      const rooms = new Map<string | null, HostReportDto['rooms'][number]>();
      for (const p of page.items as JobPhotoDto[]) {
        const room = rooms.get(p.roomArea) ?? { room: p.roomArea, before: [], after: [], detail: [] };
        rooms.set(p.roomArea, room);
        room[p.photoType].push({
          id: p.id,
          url: p.url,
          thumbnailUrl: p.thumbnailUrl,
          caption: p.caption,
          takenAt: p.takenAt,
          photoType: p.photoType,
          roomArea: p.roomArea,
          pairIndex: p.pairIndex,
          uploadedAt: p.uploadedAt,
          width: p.width,
          height: p.height,
        });
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
        issues: issues.map(toIssue),
      };
    },

    /** The problems noted on a job: staff, and the job's workers. */
    async issues(actor: Actor, jobId: number): Promise<JobIssueDto[]> {
      await cleaning.jobAccess(actor, jobId);
      return (await repo.issues(db, jobId)).map(toIssue);
    },

    /**
     * "Note a problem": the job's worker while the job is open, or staff at any time. It becomes a
     * ticket linked to the job (audited there), optionally showing a "detail" photo of the job.
     */
    async raiseIssue(actor: Actor, jobId: number, input: RaiseJobIssueInput): Promise<JobIssueDto> {
      const access = await cleaning.jobAccess(actor, jobId);
      if (actor.role === 'worker' && access.status !== 'scheduled' && access.status !== 'in_progress') {
        throw conflict('JOB_CLOSED', 'The job is closed; tell the office instead.');
      }
      if (input.photoId !== undefined && !(await repo.detailPhotoOfJob(db, input.photoId, jobId))) {
        throw badRequest('UNKNOWN_PHOTO', 'No such detail photo on this job.', [{ path: 'body.photoId', message: 'not a detail photo of this job', code: 'UNKNOWN_PHOTO' }]);
      }
      const ticket = await tickets.create(actor, { title: issueTitle(input.text), description: input.text, priority: 'medium', cleaningJobId: jobId }, { photoId: input.photoId });
      return (await repo.issues(db, jobId)).map(toIssue).find((i) => i.id === ticket.id)!;
    },
  };
}

export type HostReportsService = ReturnType<typeof createHostReportsService>;
