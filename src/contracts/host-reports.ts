import { z } from 'zod';
import { JobChecklist } from './checklists.js';
import { JobLinen } from './linen.js';

/** The host's report of a completed turnover (issue 20 §5). Pure: no Node or server imports. */

const photo = z.object({
  id: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string(),
  caption: z.string().nullable(),
  takenAt: z.string().nullable(),
  photoType: z.enum(['before', 'after', 'detail']),
  roomArea: z.string().nullable(),
  pairIndex: z.number().int(),
  uploadedAt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** A problem noted on a job by its worker or by staff: what, when, the photo if any, and who by first name only. */
export const JobIssue = z
  .object({
    id: z.number().int(),
    text: z.string(),
    raisedAt: z.string(),
    raisedBy: z.object({ firstName: z.string() }),
    photo: z.object({ id: z.number().int(), url: z.string(), thumbnailUrl: z.string() }).nullable(),
  })
  .meta({ id: 'JobIssue' });

export const RaiseJobIssueBody = z
  .object({
    text: z.string().trim().min(1, 'say what is wrong').max(1000),
    photoId: z.number().int().positive().optional().meta({ description: 'A "detail" photo of this job, uploaded first through the photo routes.' }),
  })
  .strict()
  .meta({ id: 'RaiseJobIssueBody', example: { text: 'Falta uma toalha de banho.' } });

export type JobIssueDto = z.infer<typeof JobIssue>;
export type RaiseJobIssueInput = z.infer<typeof RaiseJobIssueBody>;

export const HostReport = z
  .object({
    jobId: z.number().int(),
    property: z.object({ id: z.number().int(), name: z.string(), city: z.string() }),
    scheduledDate: z.string(),
    completedAt: z.string(),
    timeOnSite: z.array(z.object({ startedAt: z.string(), endedAt: z.string().nullable(), minutes: z.number().int().nullable() })),
    checklist: JobChecklist.omit({ jobId: true }),
    rooms: z
      .array(z.object({ room: z.string().nullable(), before: z.array(photo), after: z.array(photo), detail: z.array(photo) }))
      .meta({ description: 'Photos by room (no room last), before and after side by side.' }),
    linen: JobLinen.omit({ jobId: true }),
    issues: z.array(JobIssue).meta({ description: 'Problems noted on the job, oldest first.' }),
  })
  .meta({ id: 'HostReport' });

export type HostReportDto = z.infer<typeof HostReport>;

/** A link that shares a report without signing in. The token is in `url` only on the answer that made it. */
export const ReportLink = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastOpenedAt: z.string().nullable(),
  })
  .meta({ id: 'ReportLink' });

export const CreatedReportLink = z
  .object({
    id: z.number().int(),
    url: z.string().meta({ example: 'https://lavandaria.example/r/3q2-7wAAAAAAAAAAAAAAAA' }),
    token: z.string().meta({ description: 'Shown once: only its SHA-256 is kept.' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedReportLink' });

export const SharedReportParams = z.object({ token: z.string().max(200) });
export const SharedPhotoParams = z.object({ token: z.string().max(200), photoId: z.coerce.number().int().positive().max(2_147_483_647) });

export type ReportLinkDto = z.infer<typeof ReportLink>;
export type CreatedReportLinkDto = z.infer<typeof CreatedReportLink>;
