import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedReportLinkDto, HostReportDto, JobIssueDto, RaiseJobIssueInput, ReportLinkDto } from '@contracts/host-reports';
import { api } from '@/lib/api-client';
import { newId } from '@/lib/ids';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { uploadPhoto } from '@/features/photos/api/upload-photo';
import { preparePhoto } from '@/features/photos/queue/downsize-image';

/*
 * The host's report of a completed turnover and the problems noted on a job. Both live under the job's
 * cleaning keys, so anything that refreshes the job refreshes them.
 */

export type HostReport = HostReportDto;
export type JobIssue = JobIssueDto;

export const reportKeys = {
  issues: (jobId: number) => [...cleaningKeys.detail(jobId), 'issues'] as const,
  report: (jobId: number) => [...cleaningKeys.detail(jobId), 'report'] as const,
  links: (jobId: number) => [...cleaningKeys.detail(jobId), 'report-links'] as const,
  shared: (token: string) => ['shared-report', token] as const,
};

export type ReportLink = ReportLinkDto;
export type CreatedReportLink = CreatedReportLinkDto;

export const useJobIssues = (jobId: number) => useQuery({ queryKey: reportKeys.issues(jobId), queryFn: () => api.listAll<JobIssue>(`/api/cleaning-jobs/${jobId}/issues`) });

/** "Note a problem": the photo, if any, goes first through the photo route as a "detail" photo of the job. */
export function useRaiseIssue(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ text, photo }: { text: string; photo: File | null }) => {
      const body: RaiseJobIssueInput = { text };
      if (photo) {
        const prepared = await preparePhoto(photo);
        const uploaded = await uploadPhoto({ jobId, uploadKey: newId(), photoType: 'detail', roomArea: null, caption: null, fileName: prepared.fileName, file: prepared.blob });
        body.photoId = uploaded.photos[0]!.id;
      }
      return api.create<JobIssue>(`/api/cleaning-jobs/${jobId}/issues`, body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cleaningKeys.detail(jobId) }),
  });
}

export const useHostReport = (jobId: number) => useQuery({ queryKey: reportKeys.report(jobId), queryFn: () => api.get<HostReport>(`/api/cleaning-jobs/${jobId}/report`) });

export const useReportLinks = (jobId: number) => useQuery({ queryKey: reportKeys.links(jobId), queryFn: () => api.listAll<ReportLink>(`/api/cleaning-jobs/${jobId}/report-links`) });

export function useCreateReportLink(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.create<CreatedReportLink>(`/api/cleaning-jobs/${jobId}/report-links`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.links(jobId) }),
  });
}

export function useRevokeReportLink(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/report-links/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.links(jobId) }),
  });
}

/** A report through a shared link: no session; an unknown, expired or revoked link is a 404, not retried. */
export const useSharedReport = (token: string) =>
  useQuery({ queryKey: reportKeys.shared(token), queryFn: () => api.get<HostReport>(`/api/shared-reports/${encodeURIComponent(token)}`, { expectUnauthenticated: true }), retry: false });
