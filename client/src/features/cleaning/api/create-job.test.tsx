import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { envelope } from '@/test/render';
import { useCreateJob } from '@/features/cleaning/api/create-job';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { workerAccess } from '@/features/cleaning/job-format';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

describe('access instructions right after booking a job', () => {
  it('when staff book a job, then the job page is not filled from the booking answer (which has no access notes)', async () => {
    // The booking's answer: the job without its property's access instructions.
    fetchMock.mockResolvedValue(envelope(201, { data: { id: 41, property: { id: 7, name: 'Casa da Graça' } } }));
    const queryClient = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useCreateJob(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({} as never);
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(cleaningKeys.detail(41))).toBeUndefined();
  });
});

describe("what the worker's access section says", () => {
  const job = (status: string, accessInstructions: string | null | undefined, fromInHours = -1) => ({
    status,
    accessInstructionsFrom: new Date(Date.now() + fromInHours * 3_600_000).toISOString(),
    property: accessInstructions === undefined ? {} : { accessInstructions },
  });

  it('when the job is over and the notes are no longer sent, then it says they are hidden (not that there are none)', () => {
    expect(workerAccess(job('completed', undefined))).toBe('closed');
    expect(workerAccess(job('cancelled', undefined))).toBe('closed');
  });

  it('when the job is open, then the notes show inside the window, "later" before it and "none" when the place has none', () => {
    expect(workerAccess(job('scheduled', 'Cofre 4815'))).toBe('shown');
    expect(workerAccess(job('scheduled', undefined, 5))).toBe('later');
    expect(workerAccess(job('in_progress', null))).toBe('none');
  });
});
