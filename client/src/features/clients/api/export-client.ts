import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { downloadJson } from '@/lib/download';

/** GET /api/clients/:id/export: everything held about the client, saved as a JSON file. */
export async function exportClient(id: number) {
  const data = await api.get<unknown>(`/api/clients/${id}/export`);
  downloadJson(data, `client-${id}-export.json`);
}

export function useExportClient() {
  return useMutation({ mutationFn: exportClient });
}
