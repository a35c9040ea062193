import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, TestClient, type TestApp } from '../../../../test/helpers/app';
import { prepareLive } from '../../../../test/helpers/live';
import { findDemoClip } from '../../demo/demo-broadcaster';
import { publishFlv, PublishRefusedError, readFlvTags } from '../../infra/media';

// A real RTMP publish into the node's embedded ingest, read back as HTTP-FLV over a real socket.
let t: TestApp;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
let site: string;
const clip = findDemoClip()!;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  site = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  seller = await createVerifiedSeller(t, await createAdmin(t), '云雾岭茶园');
});
afterAll(() => t.close());

const liveView = async (id: string) => json(await new TestClient(t.app).get(`/api/v1/lives/${id}`));

describe('the embedded ingest', () => {
  it('takes a publish with the room key, plays it as FLV with H.264, and keeps a seekable recording', async () => {
    const { live, key } = await prepareLive(seller.client);
    const stop = new AbortController();
    const publishing = publishFlv(key.url, clip, { loop: true, realtime: true, signal: stop.signal });

    await vi.waitFor(async () => expect((await liveView(live.id)).status).toBe('live'), { timeout: 10_000, interval: 100 });
    const playing = await liveView(live.id);
    expect(playing.playback.flv).toBe(`/media/live/${live.roomId}.flv`);

    const read = await readFlvTags(await fetch(`${site}${playing.playback.flv}`), {
      until: (tags) => tags.filter((tag) => tag.kind === 'video' && tag.avcPacketType === 1).length >= 3,
      timeoutMs: 10_000,
    });
    expect(read.header).toMatchObject({ signature: 'FLV', version: 1, hasVideo: true });
    expect(read.tags[0]).toMatchObject({ kind: 'script', scriptName: 'onMetaData' });
    const video = read.tags.filter((tag) => tag.kind === 'video');
    expect(video[0]).toMatchObject({ codecId: 7, avcPacketType: 0 });
    expect(video.slice(1).every((tag) => tag.codecId === 7 && tag.avcPacketType === 1)).toBe(true);

    stop.abort();
    await publishing;
    await vi.waitFor(async () => expect((await liveView(live.id)).status).toBe('ended'), { timeout: 10_000, interval: 100 });
    const [recording] = (await liveView(live.id)).recordings;
    expect(recording.durationMs).toBeGreaterThan(0);
    expect(recording.bytes).toBeGreaterThan(0);
    const replay = await fetch(`${site}${recording.url}`, { headers: { range: 'bytes=0-1023' } });
    expect(replay.status).toBe(206);
    const head = Buffer.from(await replay.arrayBuffer());
    expect(head.subarray(0, 3).toString()).toBe('FLV');
    // Seeking needs the keyframe index the recorder writes into onMetaData.
    expect(head.includes(Buffer.from('keyframes'))).toBe(true);
  });

  it('refuses a wrong key and a second publisher, and never serves media for them', async () => {
    const { live, key } = await prepareLive(seller.client);
    const wrong = key.url.replace(/key=[^&]+/, 'key=guess');
    await expect(publishFlv(wrong, clip, { realtime: false })).rejects.toBeInstanceOf(PublishRefusedError);
    expect((await fetch(`${site}/media/live/${live.roomId}.flv`)).status).toBe(404);
    expect((await liveView(live.id)).status).toBe('scheduled');

    const stop = new AbortController();
    const first = publishFlv(key.url, clip, { loop: true, realtime: true, signal: stop.signal });
    await vi.waitFor(async () => expect((await liveView(live.id)).status).toBe('live'), { timeout: 10_000, interval: 100 });
    await expect(publishFlv(key.url, clip, { realtime: false })).rejects.toBeInstanceOf(PublishRefusedError);
    expect((await liveView(live.id)).status).toBe('live');
    stop.abort();
    await first;
  });

  it('takes no SRS callbacks, so no one can end a live by posting one', async () => {
    const room = json(await seller.client.get('/api/v1/seller/room'));
    const forged = await new TestClient(t.app).post('/api/v1/media/hooks/on_unpublish', { stream: room.id });
    expect(forged.statusCode).toBe(404);
  });

  it('drops the publisher when the anchor rotates the key', async () => {
    const { live, key } = await prepareLive(seller.client);
    let publishingStarted = false;
    const publishing = publishFlv(key.url, clip, { loop: true, realtime: true, onPublishing: () => (publishingStarted = true) });
    await vi.waitFor(() => expect(publishingStarted).toBe(true), { timeout: 10_000, interval: 50 });
    await seller.client.post('/api/v1/seller/room/stream-key');
    await expect(publishing).rejects.toThrow();
    await vi.waitFor(async () => expect((await liveView(live.id)).status).toBe('ended'), { timeout: 10_000, interval: 100 });
  });
});
