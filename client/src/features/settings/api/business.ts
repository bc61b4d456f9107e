import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessDto, UpdateBusinessInput } from '@contracts/business';
import { api } from '@/lib/api-client';
import { setBusiness } from '@/lib/business';

export type Business = BusinessDto;
export const businessKey = ['business', 'details'] as const;

/** GET /api/business/details: the whole identity with its version (master and admin). */
export function useBusinessDetails() {
  return useQuery({ queryKey: businessKey, queryFn: ({ signal }) => api.get<Business>('/api/business/details', { signal }) });
}

/** Every screen showing the name, the landing page and the titles follow an edit at once. */
function useApply() {
  const queryClient = useQueryClient();
  return (business: Business) => {
    queryClient.setQueryData(businessKey, business);
    setBusiness({ name: business.name, address: business.address, phone: business.phone, email: business.email, logoUrl: business.logoUrl });
  };
}

/** PUT /api/business: the whole identity with the version read (master). */
export function useUpdateBusiness() {
  const apply = useApply();
  return useMutation({ mutationFn: (input: UpdateBusinessInput) => api.put<Business>('/api/business', input), onSuccess: apply });
}

/** PUT /api/business/logo (multipart): a PNG or JPEG, re-encoded by the server (master). */
export function useUploadLogo() {
  const apply = useApply();
  return useMutation({
    mutationFn: ({ file, version }: { file: File; version: number }) => {
      const form = new FormData();
      form.append('version', String(version));
      form.append('logo', file);
      return api.put<Business>('/api/business/logo', form);
    },
    onSuccess: apply,
  });
}

/** DELETE /api/business/logo: back to the built-in mark (master). */
export function useRemoveLogo() {
  const apply = useApply();
  return useMutation({ mutationFn: (version: number) => api.delete<Business>(`/api/business/logo?version=${version}`), onSuccess: apply });
}
