import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { downloadBlob } from '@/lib/download';
import { newCorrelationId } from '@/lib/ids';

/**
 * GET /api/receipts/:id/pdf, saved as REC-….pdf. Fetched rather than linked so a refusal (the session
 * ended, a receipt that is not yours) is explained on the page instead of downloaded as a file.
 */
export async function downloadReceipt(receipt: { id: number; receiptNumber: string }): Promise<void> {
  const correlationId = newCorrelationId();
  let response: Response;
  try {
    response = await fetch(`/api/receipts/${receipt.id}/pdf`, { credentials: 'include', headers: { Accept: 'application/pdf', 'X-Correlation-Id': correlationId } });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.', correlationId);
  }
  const reference = response.headers.get('X-Correlation-Id') ?? correlationId;
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
    throw new ApiError(response.status, payload?.error?.code ?? 'BAD_RESPONSE', payload?.error?.message ?? `HTTP ${response.status}`, reference);
  }
  downloadBlob(await response.blob(), `${receipt.receiptNumber}.pdf`);
}

export function useDownloadReceipt() {
  return useMutation({ mutationFn: downloadReceipt });
}
