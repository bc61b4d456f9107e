import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { downloadJson } from '@/lib/download';

/** GET /api/clients/me/export: everything held about the signed-in client, saved as a JSON file. */
export async function exportOwnData() {
  downloadJson(await api.get<unknown>('/api/clients/me/export'), 'lavandaria-my-data.json');
}

export function useExportOwnData() {
  return useMutation({ mutationFn: exportOwnData });
}
