import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { createPhotoStore, type PhotoStore, type UploadRecord } from './photo-store';
import i18n from 'i18next';
import { failureReason } from '@/features/photos/components/upload-queue-list';
import { classifyFailure, createUploadQueue, type NewUpload, type SendUpload, type UploadQueue, type UploadQueueOptions } from './upload-queue';

const photo = (jobId: number, fileName: string, photoType: NewUpload['photoType'] = 'before'): NewUpload => ({
  jobId,
  photoType,
  roomArea: 'Cozinha',
  caption: null,
  fileName,
  blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, fileName.length])], { type: 'image/jpeg' }),
  preview: null,
});

/** A stand-in for the server's rule: one photo per upload key, a retry answered with the same photo. */
function fakeServer() {
  const photos = new Map<string, { id: number; jobId: number; bytes: number }>();
  const received: string[] = [];
  const accept = async (item: UploadRecord, body: Blob) => {
    received.push(item.id);
    if (!photos.has(item.id)) photos.set(item.id, { id: photos.size + 1, jobId: item.jobId, bytes: body.size });
    return photos.get(item.id);
  };
  return { photos, received, accept };
}

const network = () => new ApiError(0, 'NETWORK_ERROR', 'offline', 'web_1');
const refused = (status: number, code: string) => new ApiError(status, code, code, 'req_1');

describe('photo upload queue', () => {
  const open: UploadQueue[] = [];
  let factory = new IDBFactory();
  afterEach(() => {
    for (const q of open.splice(0)) q.dispose();
    factory = new IDBFactory();
  });

  function queue(options: Partial<UploadQueueOptions> & { send: SendUpload; store?: PhotoStore }) {
    const q = createUploadQueue({ owner: 'user:7', store: createPhotoStore(factory), events: new EventTarget(), online: () => true, backoff: () => 60_000, ...options });
    open.push(q);
    return q;
  }
  const settled = (q: UploadQueue) => vi.waitFor(() => expect(q.getState().items.some((i) => i.state === 'uploading')).toBe(false));

  it('when photos are added with no signal, then they are kept on the device and a new queue (a reload) finds them with the same keys', async () => {
    const send = vi.fn<SendUpload>();
    const first = queue({ send, online: () => false });
    const keys = await first.add([photo(12, 'a.jpg'), photo(12, 'b.jpg', 'after')]);
    await first.pump();
    expect(send).not.toHaveBeenCalled();
    expect(first.getState()).toMatchObject({ online: false });
    first.dispose();

    const store = createPhotoStore(factory);
    const reloaded = queue({ send, store, online: () => false });
    await reloaded.ready;
    expect(reloaded.getState().items.map((i) => [i.id, i.jobId, i.photoType, i.fileName, i.state])).toEqual([
      [keys[0], 12, 'before', 'a.jpg', 'queued'],
      [keys[1], 12, 'after', 'b.jpg', 'queued'],
    ]);
    expect((await store.body(keys[0]!))?.bytes.byteLength).toBe(4);
  });

  it('when the page went away mid-upload, then the photo is queued again on the next start and sent', async () => {
    const store = createPhotoStore(factory);
    const stuck = queue({ send: () => new Promise(() => undefined), store });
    const [key] = await stuck.add([photo(3, 'mid.jpg')]);
    await vi.waitFor(() => expect(stuck.getState().items[0]?.state).toBe('uploading'));
    expect((await store.list('user:7'))[0]?.state).toBe('uploading');
    stuck.dispose();

    const server = fakeServer();
    const restarted = queue({ send: server.accept, store: createPhotoStore(factory) });
    await restarted.pump();
    expect(server.received).toEqual([key]);
    expect(restarted.getState().items).toEqual([]);
    expect(await store.list('user:7')).toEqual([]);
  });

  it("when another account signs in on the same phone, then it never sees or sends the first account's photos; the first gets them back at its next sign-in", async () => {
    const ana = queue({ send: vi.fn(), online: () => false });
    await ana.add([photo(5, 'ana-1.jpg'), photo(5, 'ana-2.jpg')]);
    ana.dispose();

    const server = fakeServer();
    const bruno = queue({ owner: 'user:8', send: server.accept });
    await bruno.pump();
    expect(bruno.getState().items).toEqual([]);
    expect(server.received).toEqual([]);

    const anaAgain = queue({ send: server.accept });
    await anaAgain.pump();
    expect(server.photos.size).toBe(2);
    expect([...server.photos.values()].every((p) => p.jobId === 5)).toBe(true);
  });

  it('when the answer to an upload is lost, then the retry carries the same upload key and the server keeps exactly one photo', async () => {
    const server = fakeServer();
    let calls = 0;
    const send: SendUpload = async (item, body) => {
      calls += 1;
      await server.accept(item, body);
      // The server stored it, but the phone lost the signal before the answer came back.
      if (calls === 1) throw network();
    };
    const uploaded = vi.fn();
    const q = queue({ send, backoff: () => 0, onUploaded: uploaded });
    const [key] = await q.add([photo(9, 'once.jpg', 'after')]);
    await vi.waitFor(() => expect(q.getState().items).toEqual([]));
    expect(server.received).toEqual([key, key]);
    expect(server.photos.size).toBe(1);
    expect(uploaded).toHaveBeenCalledExactlyOnceWith(9);
  });

  it('when the network fails, then the photo waits for its next attempt and goes at once when the browser is online again', async () => {
    const events = new EventTarget();
    const server = fakeServer();
    const send = vi.fn<SendUpload>().mockRejectedValueOnce(network()).mockImplementation(server.accept);
    const q = queue({ send, events, backoff: () => 3_600_000 });
    await q.add([photo(4, 'later.jpg')]);
    await settled(q);
    expect(q.getState().items[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'NETWORK_ERROR', status: 0 } });
    expect(q.getState().items[0]!.nextAttemptAt).toBeGreaterThan(Date.now() + 3_000_000);
    expect(send).toHaveBeenCalledTimes(1);

    events.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(q.getState().items).toEqual([]));
    expect(server.photos.size).toBe(1);
  });

  it('when the server refuses a photo for good, then retries stop with the reason kept; retry sends it again and remove drops it from the device', async () => {
    const events = new EventTarget();
    const store = createPhotoStore(factory);
    const send = vi.fn<SendUpload>().mockRejectedValue(refused(415, 'UNSUPPORTED_MEDIA_TYPE'));
    const q = queue({ send, events, store, backoff: () => 0 });
    const [key] = await q.add([photo(2, 'not-a-photo.jpg')]);
    await settled(q);
    expect(q.getState().items[0]).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 } });
    events.dispatchEvent(new Event('online'));
    await q.pump();
    expect(send).toHaveBeenCalledTimes(1);
    expect((await store.list('user:7'))[0]).toMatchObject({ state: 'failed', lastError: { code: 'UNSUPPORTED_MEDIA_TYPE' } });

    q.retry(key!);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await settled(q);
    expect(q.getState().items[0]).toMatchObject({ state: 'failed', attempts: 2 });

    await q.remove(key!);
    expect(q.getState().items).toEqual([]);
    expect(await store.list('user:7')).toEqual([]);
    expect(await store.body(key!)).toBeUndefined();
  });

  it('when "retry all" is pressed, then refused and waiting photos are all sent now, oldest first', async () => {
    const server = fakeServer();
    const send = vi
      .fn<SendUpload>()
      .mockRejectedValueOnce(refused(409, 'JOB_CLOSED'))
      .mockRejectedValueOnce(network())
      .mockImplementation(server.accept);
    const q = queue({ send, backoff: () => 3_600_000 });
    const keys = await q.add([photo(1, 'one.jpg'), photo(1, 'two.jpg')]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await settled(q);
    expect(q.getState().items.map((i) => i.state)).toEqual(['failed', 'queued']);
    q.retryAll();
    await vi.waitFor(() => expect(q.getState().items).toEqual([]));
    expect(server.received).toEqual(keys);
  });

  it('when the server refuses a photo over a quota, then it is sent once, stays failed with the quota named, and the queue says which limit was met', async () => {
    const quota = new ApiError(409, 'PHOTO_QUOTA_EXCEEDED', 'quota', 'req_1', { scope: 'userDay', limit: 300, current: 300, adding: 1 });
    const send = vi.fn<SendUpload>().mockRejectedValue(quota);
    const q = queue({ send, backoff: () => 0 });
    await q.add([photo(4, 'late.jpg')]);
    await vi.waitFor(() => expect(q.getState().items[0]?.state).toBe('failed'));
    await q.pump();
    expect(send).toHaveBeenCalledTimes(1);
    const failure = q.getState().items[0]!.lastError!;
    expect(failure).toEqual({ code: 'PHOTO_QUOTA_EXCEEDED', status: 409, quota: { scope: 'userDay', limit: 300 } });
    const t = i18n.getFixedT('pt', 'photos');
    expect(failureReason(t, failure)).toBe('já enviou hoje o máximo de 300 fotografias; volte a enviá-la amanhã');
    expect(failureReason(t, { ...failure, quota: { scope: 'job', limit: 60 } })).toBe('este serviço já tem o máximo de 60 fotografias');
  });

  it('when a photo is on its way, then its progress is shown from the upload events', async () => {
    let release: () => void = () => undefined;
    const q = queue({
      send: (_item, _body, { onProgress }) =>
        new Promise<void>((resolve) => {
          onProgress(0.4);
          release = resolve;
        }),
    });
    await q.add([photo(6, 'slow.jpg')]);
    await vi.waitFor(() => expect(q.getState().items[0]).toMatchObject({ state: 'uploading', progress: 0.4 }));
    release();
    await vi.waitFor(() => expect(q.getState().items).toEqual([]));
  });

  it.each([
    [new ApiError(0, 'NETWORK_ERROR', '', 'r'), 'retry'],
    [new ApiError(502, 'BAD_RESPONSE', '', 'r'), 'retry'],
    [new ApiError(500, 'INTERNAL_ERROR', '', 'r'), 'retry'],
    [new ApiError(503, 'STORAGE_UNAVAILABLE', '', 'r'), 'retry'],
    [new ApiError(429, 'RATE_LIMITED', '', 'r'), 'retry'],
    [new ApiError(400, 'MALFORMED_MULTIPART', '', 'r'), 'retry'],
    [new ApiError(400, 'REQUEST_ABORTED', '', 'r'), 'retry'],
    [new ApiError(401, 'UNAUTHENTICATED', '', 'r'), 'signIn'],
    [new ApiError(413, 'FILE_TOO_LARGE', '', 'r'), 'permanent'],
    [new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '', 'r'), 'permanent'],
    [new ApiError(422, 'INVALID_IMAGE', '', 'r'), 'permanent'],
    [new ApiError(409, 'JOB_CLOSED', '', 'r'), 'permanent'],
    [new ApiError(409, 'PHOTO_QUOTA_EXCEEDED', '', 'r'), 'permanent'],
    [new ApiError(403, 'FORBIDDEN', '', 'r'), 'permanent'],
    [new ApiError(404, 'NOT_FOUND', '', 'r'), 'permanent'],
    [new ApiError(400, 'VALIDATION_FAILED', '', 'r'), 'permanent'],
    [new TypeError('Failed to fetch'), 'retry'],
  ])('when an upload fails with %s, then it is classified as %s', (error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});
