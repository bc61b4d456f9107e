import { useMutation } from '@tanstack/react-query';
import { downloadFromApi } from '@/lib/api-download';

/** GET /api/receipts/:id/pdf, saved as REC-….pdf (a refusal is an ApiError the page explains). */
export async function downloadReceipt(receipt: { id: number; receiptNumber: string }): Promise<void> {
  await downloadFromApi(`/api/receipts/${receipt.id}/pdf`, `${receipt.receiptNumber}.pdf`, { accept: 'application/pdf' });
}

export function useDownloadReceipt() {
  return useMutation({ mutationFn: downloadReceipt });
}
