import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, type TestApp } from '../../../../test/helpers/app';
import { prepareLive } from '../../../../test/helpers/live';
import { listen, RoomSocket } from '../../../../test/helpers/room';
import { findDemoClip } from '../../demo/demo-broadcaster';
import { publishFlv } from '../../infra/media';

// A real RTMP publish: viewers in the room hear that the live started and ended without polling.
let t: TestApp;
let site: string;
beforeAll(async () => {
  t = await createTestApp();
  site = await listen(t.app);
});
afterAll(() => t.close());

describe('a room and its live', () => {
  it('tells viewers when the live starts and ends, and clears the notice when it ends', async () => {
    const seller = await createVerifiedSeller(t, await createAdmin(t));
    const { live, key } = await prepareLive(seller.client);
    const viewer = await RoomSocket.open(site, live.roomId);
    expect(viewer.snapshot!.liveId).toBeNull();

    const stop = new AbortController();
    const publishing = publishFlv(key.url, findDemoClip()!, { loop: true, realtime: true, signal: stop.signal });
    await viewer.until(() => viewer.eventsOf('live.started').length > 0, 10_000);
    expect(viewer.eventsOf('live.started')[0]!.data.liveId).toBe(live.id);
    const newcomer = await RoomSocket.open(site, live.roomId);
    expect(newcomer.snapshot!.liveId).toBe(live.id);

    const notice = await seller.client.request('PUT', `/api/v1/rooms/${live.roomId}/notice`, { text: '开播啦' });
    expect(notice.statusCode).toBe(200);
    stop.abort();
    await publishing;
    await viewer.until(() => viewer.eventsOf('live.ended').length > 0, 10_000);
    const after = await RoomSocket.open(site, live.roomId);
    expect(after.snapshot).toMatchObject({ liveId: null, notice: null });
    expect(json(await seller.client.get(`/api/v1/seller/lives/${live.id}`)).status).toBe('ended');
    await Promise.all([viewer.close(), newcomer.close(), after.close()]);
  });
});
