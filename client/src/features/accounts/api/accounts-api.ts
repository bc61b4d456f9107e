import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { AccountDocumentDto, AccountSummaryDto, StatementMonthDto } from '@contracts/accounts';
import type { PaymentDto, ServiceLineValue } from '@contracts/payments';
import type { ReceiptDto } from '@contracts/receipts';
import { api, queryString } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/api-download';

/**
 * Whose account a screen shows: staff read any client's (`/api/clients/:id/…`), a client reads their
 * own (`/api/account/…`) — the server scopes both, the screens only choose the address.
 */
export type AccountScope = { kind: 'staff'; clientId: number } | { kind: 'own' };

export const ACCOUNT_PAGE_SIZE = 10;

const scopeKey = (scope: AccountScope) => (scope.kind === 'staff' ? scope.clientId : 'own');

export const accountKeys = {
  all: ['accounts'] as const,
  of: (scope: AccountScope) => ['accounts', scopeKey(scope)] as const,
  summary: (scope: AccountScope) => ['accounts', scopeKey(scope), 'summary'] as const,
  documents: (scope: AccountScope, filters: object) => ['accounts', scopeKey(scope), 'documents', filters] as const,
  statements: (scope: AccountScope) => ['accounts', scopeKey(scope), 'statements'] as const,
  receipts: (scope: AccountScope, offset: number) => ['accounts', scopeKey(scope), 'receipts', offset] as const,
  payments: (scope: AccountScope, offset: number) => ['accounts', scopeKey(scope), 'payments', offset] as const,
};

const base = (scope: AccountScope) => (scope.kind === 'staff' ? `/api/clients/${scope.clientId}` : '/api');

/** GET /api/clients/:id/account | /api/account: balance, ageing and last payment. */
export function useAccountSummary(scope: AccountScope) {
  return useQuery({
    queryKey: accountKeys.summary(scope),
    queryFn: ({ signal }) => api.get<AccountSummaryDto>(`${base(scope)}/account`, { signal }),
  });
}

export interface DocumentFilters {
  serviceLine?: ServiceLineValue;
  /** Only what still owes (what a payment can go against). */
  open?: boolean;
  offset: number;
  sort?: '-createdAt' | 'createdAt';
  limit?: number;
}

export function listAccountDocuments(scope: AccountScope, f: DocumentFilters, signal?: AbortSignal) {
  const params = { serviceLine: f.serviceLine, open: f.open ? 'true' : undefined, sort: f.sort ?? '-createdAt', limit: f.limit ?? ACCOUNT_PAGE_SIZE, offset: f.offset };
  return api.list<AccountDocumentDto>(`${base(scope)}/account/documents${queryString(params)}`, { signal });
}

/** The client's orders and jobs with total, paid, outstanding and their payment status, a page at a time. */
export function useAccountDocuments(scope: AccountScope, filters: DocumentFilters) {
  return useQuery({
    queryKey: accountKeys.documents(scope, filters),
    queryFn: ({ signal }) => listAccountDocuments(scope, filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every document that still owes, oldest first: what a payment is spread over (a client owes on few). */
export function useOpenDocuments(scope: AccountScope, enabled: boolean) {
  return useQuery({
    queryKey: accountKeys.documents(scope, { open: true, all: true }),
    queryFn: ({ signal }) => api.listAll<AccountDocumentDto>(`${base(scope)}/account/documents?open=true&sort=createdAt`, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** The statement months, newest first (from the first activity to this month). */
export function useStatementMonths(scope: AccountScope) {
  return useQuery({
    queryKey: accountKeys.statements(scope),
    queryFn: ({ signal }) => api.list<StatementMonthDto>(`${scope.kind === 'staff' ? base(scope) : '/api/account'}/statements?limit=100`, { signal }),
    select: (page) => page.items,
  });
}

/** The statement PDF of a month, saved as the server names it. */
export function downloadStatement(month: StatementMonthDto, clientName: string): Promise<string> {
  const slug = clientName.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return downloadFromApi(month.pdfUrl, `extrato-${slug || 'cliente'}-${month.month}.pdf`, { accept: 'application/pdf' });
}

/** The client's receipts, newest first (a client's own list is scoped by the server). */
export function useAccountReceipts(scope: AccountScope, offset: number) {
  const clientId = scope.kind === 'staff' ? scope.clientId : undefined;
  return useQuery({
    queryKey: accountKeys.receipts(scope, offset),
    queryFn: ({ signal }) => api.list<ReceiptDto>(`/api/receipts${queryString({ clientId, sort: '-issuedAt', limit: ACCOUNT_PAGE_SIZE, offset })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Staff: the payments and refunds recorded on the client's orders and jobs, newest first. */
export function useDocumentPayments(clientId: number, offset: number) {
  return useQuery({
    queryKey: ['accounts', clientId, 'document-payments', offset] as const,
    queryFn: ({ signal }) => api.list<PaymentDto>(`/api/payments${queryString({ clientId, sort: '-paidAt', limit: ACCOUNT_PAGE_SIZE, offset })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After money moves on a client: their account, the money lists and the dashboard are read again. */
export function refreshAfterPayment(queryClient: QueryClient) {
  for (const queryKey of [accountKeys.all, ['payments'], ['dashboard'], ['laundry'], ['cleaning']]) void queryClient.invalidateQueries({ queryKey });
}
