import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientPaymentDto, RecordClientPaymentInput as RecordClientPaymentBody } from '@contracts/client-payments';
import { api, queryString } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/api-download';
import { ACCOUNT_PAGE_SIZE, accountKeys, refreshAfterPayment, type AccountScope } from './accounts-api';

export type ClientPayment = ClientPaymentDto;

export interface RecordClientPaymentInput extends RecordClientPaymentBody {
  clientId: number;
  /** One key per opening of the dialog: a double click or a retry records one payment. */
  idempotencyKey: string;
}

/** POST /api/clients/:id/payments (Idempotency-Key). */
export async function recordClientPayment({ clientId, idempotencyKey, ...body }: RecordClientPaymentInput): Promise<ClientPayment> {
  const result = await api.create<{ clientPayment: ClientPayment }>(`/api/clients/${clientId}/payments`, body, { idempotencyKey });
  return result.clientPayment;
}

export function useRecordClientPayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordClientPayment, onSuccess: () => refreshAfterPayment(queryClient) });
}

/** GET /api/clients/:id/payments | /api/account/payments: the client's payments, newest first. */
export function useClientPayments(scope: AccountScope, offset: number) {
  const path = scope.kind === 'staff' ? `/api/clients/${scope.clientId}/payments` : '/api/account/payments';
  return useQuery({
    queryKey: accountKeys.payments(scope, offset),
    queryFn: ({ signal }) => api.list<ClientPayment>(`${path}${queryString({ limit: ACCOUNT_PAGE_SIZE, offset })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The payment's receipt, saved as PAG-….pdf. */
export function downloadClientPaymentReceipt(payment: Pick<ClientPaymentDto, 'number' | 'pdfUrl'>) {
  return downloadFromApi(payment.pdfUrl, `${payment.number}.pdf`, { accept: 'application/pdf' });
}

export function useDownloadClientPaymentReceipt() {
  return useMutation({ mutationFn: downloadClientPaymentReceipt });
}
