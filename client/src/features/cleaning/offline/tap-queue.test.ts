import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { createTapQueue, pendingFor, pendingTicks, type QueuedTap } from './tap-queue';

const KEY = 'lavandaria.cleaning.taps.test';
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? '{}') as { taps: QueuedTap[]; failures: unknown[] };

describe('offline tap queue', () => {
  beforeEach(() => localStorage.clear());

  it('when a Start is tapped with no signal, then it is kept on the device, marked delayed, and nothing is sent', async () => {
    const send = vi.fn().mockResolvedValue({});
    const queue = createTapQueue(KEY, send, () => false);
    queue.tap(7, 'start', new Date('2026-06-10T09:00:00Z'));
    await queue.flush();
    expect(send).not.toHaveBeenCalled();
    expect(stored().taps).toEqual([expect.objectContaining({ jobId: 7, action: 'start', occurredAt: '2026-06-10T09:00:00.000Z', delayed: true })]);
    expect(pendingFor(queue.getState().taps, 7)?.action).toBe('start');
  });

  it('when the signal returns, then queued taps are sent oldest first and removed, and a reloaded page finds nothing left', async () => {
    let online = false;
    const sent: QueuedTap[] = [];
    const queue = createTapQueue(KEY, async (tap) => void sent.push(tap), () => online);
    queue.tap(7, 'start', new Date('2026-06-10T09:00:00Z'));
    queue.tap(7, 'end', new Date('2026-06-10T10:05:00Z'));
    online = true;
    await queue.flush();
    expect(sent.map((t) => [t.action, t.occurredAt, t.delayed])).toEqual([
      ['start', '2026-06-10T09:00:00.000Z', true],
      ['end', '2026-06-10T10:05:00.000Z', true],
    ]);
    expect(stored().taps).toEqual([]);
    expect(createTapQueue(KEY, vi.fn(), () => true).getState().taps).toEqual([]);
  });

  it('when a tap made online fails for lack of network, then it stays queued and is marked delayed for its replay', async () => {
    const send = vi.fn().mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline', 'web_1'));
    const queue = createTapQueue(KEY, send, () => true);
    queue.tap(3, 'start');
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(queue.getState().sending).toBe(false));
    expect(send.mock.calls[0]![0]).toMatchObject({ delayed: false });
    expect(stored().taps).toEqual([expect.objectContaining({ jobId: 3, delayed: true })]);
  });

  it('when the server refuses a replayed tap, then it leaves the queue as a failure to show, and the next tap is still sent', async () => {
    let online = false;
    const send = vi.fn().mockRejectedValueOnce(new ApiError(400, 'OCCURRED_AT_TOO_OLD', 'old', 'req_1')).mockResolvedValueOnce({});
    const queue = createTapQueue(KEY, send, () => online);
    queue.tap(3, 'start');
    queue.tap(4, 'start');
    online = true;
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.getState().taps).toEqual([]);
    expect(queue.getState().failures).toEqual([expect.objectContaining({ jobId: 3, code: 'OCCURRED_AT_TOO_OLD' })]);
    queue.dismissFailure(queue.getState().failures[0]!.id);
    expect(stored().failures).toEqual([]);
  });
  it('when checklist ticks are made offline between Start and End, then they wait in the same order, carry their tap time, and do not count as the time taps', async () => {
    let online = false;
    const sent: QueuedTap[] = [];
    const queue = createTapQueue(KEY, async (tap) => void sent.push(tap), () => online);
    queue.tap(7, 'start', new Date('2026-06-10T09:00:00Z'));
    queue.tick(7, { itemId: 41, done: true }, new Date('2026-06-10T09:10:00Z'));
    queue.tick(7, { itemId: 41, done: false }, new Date('2026-06-10T09:11:00Z'));
    queue.tick(7, { itemId: 42, done: true, photoUploadKey: 'photo-key-1' }, new Date('2026-06-10T09:12:00Z'));
    expect(pendingFor(queue.getState().taps, 7)?.action).toBe('start');
    const ticks = pendingTicks(queue.getState().taps, 7);
    expect([ticks.get(41)?.tick.done, ticks.get(42)?.tick.photoUploadKey]).toEqual([false, 'photo-key-1']);
    online = true;
    await queue.flush();
    expect(sent.map((t) => [t.action, t.tick?.itemId ?? null, t.occurredAt, t.delayed])).toEqual([
      ['start', null, '2026-06-10T09:00:00.000Z', true],
      ['tick', 41, '2026-06-10T09:10:00.000Z', true],
      ['tick', 41, '2026-06-10T09:11:00.000Z', true],
      ['tick', 42, '2026-06-10T09:12:00.000Z', true],
    ]);
  });

  it('when a tick names a photo that has not arrived yet, then it stays queued (and what follows waits) until the photo is up', async () => {
    const send = vi.fn().mockRejectedValueOnce(new ApiError(409, 'PHOTO_NOT_UPLOADED', 'not yet', 'req_2')).mockResolvedValue({});
    const queue = createTapQueue(KEY, send, () => true);
    queue.tick(9, { itemId: 5, done: true, photoUploadKey: 'photo-key-2' });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(queue.getState().sending).toBe(false));
    expect(queue.getState().failures).toEqual([]);
    expect(stored().taps).toEqual([expect.objectContaining({ action: 'tick', delayed: true })]);
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(stored().taps).toEqual([]);
  });
});
