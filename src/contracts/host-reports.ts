import { z } from 'zod';
import { JobChecklist } from './checklists.js';
import { JobLinen } from './linen.js';

/** The host's report of a completed turnover (issue 20 §5). Pure: no Node or server imports. */

const photo = z.object({ id: z.number().int(), url: z.string(), thumbnailUrl: z.string(), caption: z.string().nullable(), takenAt: z.string().nullable() });

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
  })
  .meta({ id: 'HostReport' });

export type HostReportDto = z.infer<typeof HostReport>;
