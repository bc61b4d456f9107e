import crypto from 'node:crypto';
import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { CreatedReportLinkDto, HostReportDto, JobIssueDto, RaiseJobIssueInput, ReportLinkDto } from '../../contracts/host-reports.js';
import type { AuditService } from '../audit/audit.service.js';
import type { PhotoContent } from '../photos/photos.service.js';
import type { JobPhotoDto } from '../../contracts/photos.js';
import type { CleaningService } from '../cleaning/cleaning.service.js';
import type { ChecklistsService } from '../checklists/checklists.service.js';
import type { LinenService } from '../linen/linen.service.js';
import type { PhotosService } from '../photos/photos.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { HostReportsRepository, IssueRow, LinkRow } from './host-reports.repository.js';

export interface HostReportsDeps {
  db: Db;
  repo: HostReportsRepository;
  clock: Clock;
  audit: AuditService;
  /** Where the SPA lives: a link's URL is `<appBaseUrl>/r/<token>`. */
  appBaseUrl: string;
  /** How many days a new link stays valid (the `reportLinkDays` setting). */
  linkDays: () => Promise<number>;
  cleaning: Pick<CleaningService, 'jobAccess' | 'get'>;
  checklists: Pick<ChecklistsService, 'forJob'>;
  photos: Pick<PhotosService, 'list' | 'contentOfJob'>;
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

/** A link's token: 128 random bits, base64url (22 characters). Only its SHA-256 is stored. */
const newToken = () => crypto.randomBytes(16).toString('base64url');
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const DAY_MS = 86_400_000;

const isStaff = (actor: Actor) => actor.role === 'master' || actor.role === 'admin';

function toLink(r: LinkRow): ReportLinkDto {
  return {
    id: r.id,
    jobId: r.job_id,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
    lastOpenedAt: r.last_opened_at ? r.last_opened_at.toISOString() : null,
  };
}

const linkAudit = (r: LinkRow) => ({ jobId: r.job_id, expiresAt: r.expires_at.toISOString(), revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null });
const LINK_VALUE_FIELDS = ['jobId', 'expiresAt', 'revokedAt'];

/** Unknown, expired and revoked tokens get one and the same answer. */
const noSuchReport = () => notFound('No such report.');

/** The report as a shared link shows it: every photo through the link's own photo route. */
function throughLink(report: HostReportDto, token: string): HostReportDto {
  const base = `/api/shared-reports/${token}/photos`;
  const photo = <P extends { id: number; url: string; thumbnailUrl: string }>(p: P): P => ({ ...p, url: `${base}/${p.id}`, thumbnailUrl: `${base}/${p.id}/thumbnail` });
  return {
    ...report,
    rooms: report.rooms.map((r) => ({ room: r.room, before: r.before.map(photo), after: r.after.map(photo), detail: r.detail.map(photo) })),
    issues: report.issues.map((i) => ({ ...i, photo: i.photo ? photo(i.photo) : null })),
  };
}

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
export function createHostReportsService({ db, repo, clock, audit, appBaseUrl, linkDays, cleaning, checklists, photos, linen, tickets }: HostReportsDeps) {
  /** The job's client or staff, on a completed job (another client's job is 404). */
  async function reportAccess(actor: Actor, jobId: number) {
    if (!isStaff(actor) && actor.role !== 'client') throw forbidden();
    const access = await cleaning.jobAccess(actor, jobId);
    if (access.status !== 'completed') throw conflict('REPORT_NOT_READY', 'The report is ready once the cleaning is completed.');
    return access;
  }

  async function liveLink(token: string): Promise<LinkRow> {
    if (!TOKEN_SHAPE.test(token)) throw noSuchReport();
    const link = await repo.liveLink(db, tokenHash(token), clock.now());
    if (!link) throw noSuchReport();
    return link;
  }

  async function compose(jobId: number, clientId: number): Promise<HostReportDto> {
      const host: Actor = { type: 'client', id: clientId, role: 'client' };
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
  }

  return {
    async report(actor: Actor, jobId: number): Promise<HostReportDto> {
      const access = await reportAccess(actor, jobId);
      return compose(jobId, access.clientId);
    },

    /** A new link for the job's client or staff; the token is in this answer only. Audited. */
    async createLink(actor: Actor, jobId: number): Promise<CreatedReportLinkDto> {
      await reportAccess(actor, jobId);
      const token = newToken();
      const at = clock.now();
      const expiresAt = new Date(at.getTime() + (await linkDays()) * DAY_MS);
      const id = await db.transaction(async (tx) => {
        const made = await repo.insertLink(tx, { jobId, tokenSha256: tokenHash(token), byUser: actor.type === 'user' ? actor.id : null, byClient: actor.type === 'client' ? actor.id : null, at, expiresAt });
        await audit.record(tx, { action: 'create', entity: 'report_link', entityId: made, before: null, after: linkAudit((await repo.link(tx, made))!), valueFields: LINK_VALUE_FIELDS });
        return made;
      });
      return { id, url: `${appBaseUrl}/r/${token}`, token, expiresAt: expiresAt.toISOString() };
    },

    async links(actor: Actor, jobId: number): Promise<ReportLinkDto[]> {
      await reportAccess(actor, jobId);
      return (await repo.links(db, jobId)).map(toLink);
    },

    /** Switches a link off for good (the job's client or staff); audited. Revoking twice is the same. */
    async revokeLink(actor: Actor, id: number): Promise<void> {
      if (!isStaff(actor) && actor.role !== 'client') throw forbidden();
      await db.transaction(async (tx) => {
        const before = await repo.link(tx, id, true);
        if (!before || (!isStaff(actor) && before.client_id !== actor.id)) throw notFound('No such link.');
        if (before.revoked_at) return;
        await repo.revokeLink(tx, id, clock.now());
        await audit.record(tx, { action: 'revoke', entity: 'report_link', entityId: id, before: linkAudit(before), after: linkAudit((await repo.link(tx, id))!), valueFields: LINK_VALUE_FIELDS });
      });
    },

    /** GDPR: the links that share reports of the client's jobs — when made, until when, revoked, last opened. */
    async exportClient(q: Queryable, clientId: number): Promise<ReportLinkDto[]> {
      return (await repo.linksOfClient(q, clientId)).map(toLink);
    },

    /** GDPR: an anonymised client's reports are no longer shared by any link. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      await repo.revokeLinksOfClient(tx, clientId, clock.now());
    },

    /** The report through a live link, for anyone who holds it (no sign-in). */
    async shared(token: string): Promise<HostReportDto> {
      const link = await liveLink(token);
      const report = await compose(link.job_id, link.client_id);
      await repo.markOpened(db, link.id, clock.now());
      return throughLink(report, token);
    },

    /** A photo of the linked job through a live link. */
    async sharedPhoto(token: string, photoId: number, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const link = await liveLink(token);
      return photos.contentOfJob(link.job_id, photoId, rendition, ifNoneMatch);
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
