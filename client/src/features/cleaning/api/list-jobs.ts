import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { DocumentPaymentStatusValue } from '@contracts/accounts';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { api, queryString, type ListPage } from '@/lib/api-client';
import { cleaningKeys, type AnyJob } from './keys';

export interface JobFilters {
  status?: CleaningStatusValue[];
  /** The money state of each job (staff and clients only). */
  paymentStatus?: DocumentPaymentStatusValue[];
  from?: string;
  to?: string;
  workerId?: number;
  clientId?: number;
  propertyId?: number;
  jobType?: 'airbnb' | 'house';
  q?: string;
  sort?: 'scheduledAt' | '-scheduledAt';
}

/** GET /api/cleaning-jobs: each role gets its own view (staff all, a worker their jobs, a client theirs). */
export function listJobs<T extends AnyJob>(filters: JobFilters, page: { cursor?: string; limit?: number } = {}): Promise<ListPage<T>> {
  const { status, paymentStatus, ...rest } = filters;
  return api.list<T>(`/api/cleaning-jobs${queryString({ ...rest, status: status?.join(','), paymentStatus: paymentStatus?.join(','), limit: page.limit ?? 25, cursor: page.cursor })}`);
}

/** A paged list ("Show more" fetches the next page with the cursor). */
export function useJobList<T extends AnyJob>(filters: JobFilters, options: { limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: cleaningKeys.list({ ...filters, limit: options.limit }),
    queryFn: ({ pageParam }) => listJobs<T>(filters, { cursor: pageParam, limit: options.limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    enabled: options.enabled,
  });
}

/** Every job in a date range (a calendar week): follows the cursor to the end, a week is never long. */
export function useJobsBetween<T extends AnyJob>(filters: JobFilters & { from: string; to: string }) {
  return useQuery({
    queryKey: cleaningKeys.list({ ...filters, all: true }),
    queryFn: async () => {
      const items: T[] = [];
      let cursor: string | undefined;
      // Ten pages of a hundred is far beyond a week of a small team; the bound keeps a bug from looping.
      for (let page = 0; page < 10; page += 1) {
        const result = await listJobs<T>(filters, { cursor, limit: 100 });
        items.push(...result.items);
        cursor = result.meta.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return items;
    },
  });
}
