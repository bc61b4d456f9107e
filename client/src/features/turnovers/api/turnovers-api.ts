import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDto, CalendarSyncResultDto, CreateCalendarInput, ReservationDto, TurnoverRuleDto, UpdateCalendarInput, UpdateTurnoverRuleInput } from '@contracts/calendars';
import type { ChecklistTemplateDto, CreateChecklistTemplateInput, JobChecklistDto, TickChecklistItemInput, UpdateChecklistTemplateInput } from '@contracts/checklists';
import type { CountLinenInput, JobLinenDto, LinenItemDto, SaveLinenSetInput } from '@contracts/linen';
import { api, queryString } from '@/lib/api-client';
import { cleaningKeys } from '@/features/cleaning/api/keys';

/*
 * Short-let turnovers: a property's calendars, reservations, turnover rule and linen set; checklist
 * templates; a job's checklist and linen. A job's checklist and linen live under the cleaning keys, so
 * the worker's tap queue refreshes them with the rest of the job when a queued tap reaches the server.
 */

export type Calendar = CalendarDto;
export type Reservation = ReservationDto;
export type TurnoverRule = TurnoverRuleDto;
export type ChecklistTemplate = ChecklistTemplateDto;
export type JobChecklist = JobChecklistDto;
export type LinenItem = LinenItemDto;
export type JobLinen = JobLinenDto;

export interface PropertyHead {
  id: number;
  clientId: number;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  isActive: boolean;
}

export const turnoverKeys = {
  all: ['turnovers'] as const,
  property: (id: number) => [...turnoverKeys.all, 'property', id] as const,
  calendars: (id: number) => [...turnoverKeys.property(id), 'calendars'] as const,
  reservations: (id: number, from: string) => [...turnoverKeys.property(id), 'reservations', from] as const,
  rule: (id: number) => [...turnoverKeys.property(id), 'rule'] as const,
  linenSet: (id: number) => [...turnoverKeys.property(id), 'linen'] as const,
  templates: () => [...turnoverKeys.all, 'templates'] as const,
  template: (id: number) => [...turnoverKeys.templates(), id] as const,
  week: (from: string, to: string) => [...cleaningKeys.all, 'turnovers-week', from, to] as const,
  jobChecklist: (jobId: number) => [...cleaningKeys.detail(jobId), 'checklist'] as const,
  jobLinen: (jobId: number) => [...cleaningKeys.detail(jobId), 'linen'] as const,
};

// ---------- Property ----------

export const useProperty = (id: number) => useQuery({ queryKey: turnoverKeys.property(id), queryFn: () => api.get<PropertyHead>(`/api/properties/${id}`) });

export const useCalendars = (propertyId: number) =>
  useQuery({ queryKey: turnoverKeys.calendars(propertyId), queryFn: () => api.listAll<Calendar>(`/api/properties/${propertyId}/calendars`) });

export const useReservations = (propertyId: number, from: string) =>
  useQuery({
    queryKey: turnoverKeys.reservations(propertyId, from),
    queryFn: () => api.listAll<Reservation>(`/api/properties/${propertyId}/reservations${queryString({ from })}`),
  });

export const useTurnoverRule = (propertyId: number) => useQuery({ queryKey: turnoverKeys.rule(propertyId), queryFn: () => api.get<TurnoverRule>(`/api/properties/${propertyId}/turnover-rule`) });

export const useLinenSet = (propertyId: number) =>
  useQuery({ queryKey: turnoverKeys.linenSet(propertyId), queryFn: () => api.listAll<LinenItem>(`/api/properties/${propertyId}/linen`) });

/** Any change to a property's turnover data refreshes all of it (a sync moves reservations and jobs). */
function usePropertyMutation<V, R>(propertyId: number, fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: turnoverKeys.property(propertyId) });
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.all });
    },
  });
}

export const useAddCalendar = (propertyId: number) =>
  usePropertyMutation(propertyId, (input: CreateCalendarInput) => api.create<Calendar>(`/api/properties/${propertyId}/calendars`, input));
export const useUpdateCalendar = (propertyId: number) =>
  usePropertyMutation(propertyId, ({ id, input }: { id: number; input: UpdateCalendarInput }) => api.patch<Calendar>(`/api/properties/${propertyId}/calendars/${id}`, input));
export const useRemoveCalendar = (propertyId: number) =>
  usePropertyMutation(propertyId, (id: number) => api.delete<void>(`/api/properties/${propertyId}/calendars/${id}`));
export const useSyncCalendar = (propertyId: number) =>
  usePropertyMutation(propertyId, (id: number) => api.post<CalendarSyncResultDto>(`/api/properties/${propertyId}/calendars/${id}/sync`));
export const useSaveTurnoverRule = (propertyId: number) =>
  usePropertyMutation(propertyId, (input: UpdateTurnoverRuleInput) => api.put<TurnoverRule>(`/api/properties/${propertyId}/turnover-rule`, input));
export const useSaveLinenSet = (propertyId: number) =>
  usePropertyMutation(propertyId, (input: SaveLinenSetInput) => api.put<LinenItem[]>(`/api/properties/${propertyId}/linen`, input));

// ---------- Checklist templates ----------

export const useTemplates = (enabled = true) =>
  useQuery({ queryKey: turnoverKeys.templates(), queryFn: () => api.listAll<ChecklistTemplate>('/api/checklist-templates'), enabled });

export const useTemplate = (id: number | null) =>
  useQuery({ queryKey: turnoverKeys.template(id ?? 0), queryFn: () => api.get<ChecklistTemplate>(`/api/checklist-templates/${id}`), enabled: id !== null });

function useTemplateMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: turnoverKeys.templates() }) });
}

export const useCreateTemplate = () => useTemplateMutation((input: CreateChecklistTemplateInput) => api.create<ChecklistTemplate>('/api/checklist-templates', input));
export const useUpdateTemplate = () =>
  useTemplateMutation(({ id, input }: { id: number; input: UpdateChecklistTemplateInput }) => api.put<ChecklistTemplate>(`/api/checklist-templates/${id}`, input));

// ---------- A job's checklist and linen ----------

export const useJobChecklist = (jobId: number) =>
  useQuery({ queryKey: turnoverKeys.jobChecklist(jobId), queryFn: () => api.get<JobChecklist>(`/api/cleaning-jobs/${jobId}/checklist`) });

/** POST /api/cleaning-jobs/:id/checklist/items/:itemId — sent by the worker's tap queue (see cleaning/offline). */
export function tickChecklistItem({ jobId, itemId, input }: { jobId: number; itemId: number; input: TickChecklistItemInput }) {
  return api.post<JobChecklist>(`/api/cleaning-jobs/${jobId}/checklist/items/${itemId}`, input);
}

export function useWaiveChecklist(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<JobChecklist>(`/api/cleaning-jobs/${jobId}/checklist-waiver`, { reason }),
    onSuccess: (checklist) => queryClient.setQueryData(turnoverKeys.jobChecklist(jobId), checklist),
  });
}

export const useJobLinen = (jobId: number) => useQuery({ queryKey: turnoverKeys.jobLinen(jobId), queryFn: () => api.get<JobLinen>(`/api/cleaning-jobs/${jobId}/linen`) });

export function useCountLinen(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CountLinenInput) => api.put<JobLinen>(`/api/cleaning-jobs/${jobId}/linen`, input),
    onSuccess: (linen) => queryClient.setQueryData(turnoverKeys.jobLinen(jobId), linen),
  });
}
