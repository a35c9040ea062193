import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import { createAdmin, createTestApp, createVerifiedSeller, json, TestClient, type TestApp } from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { liveBody, prepareLive } from '../../../../test/helpers/live';

// The state machine driven through the SRS-compatible callbacks, as an external media plane would.
let t: TestApp;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
let srs: TestClient;
const clock = new FakeClock(new Date());
beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { MEDIA_INGEST: 'external', PUBLIC_MEDIA_URL: 'https://media.example.cn', MEDIA_HOOK_SECRET: 'hook-secret', SESSION_TTL_DAYS: '365' },
  });
  const admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin, '云雾岭茶园');
  srs = new TestClient(t.app);
});
afterAll(() => t.close());

const hook = (action: string, body: Record<string, unknown>) => srs.post(`/api/v1/media/hooks/${action}?secret=hook-secret`, { action, app: 'live', ...body });

describe('a live', () => {
  it('is scheduled with the products it sells and shown to buyers before it starts', async () => {
    const product = await listProduct(seller.client);
    const res = await seller.client.post('/api/v1/seller/lives', liveBody({ productIds: [product.id] }));
    expect(res.statusCode).toBe(201);
    const live = json(res);
    expect(live).toMatchObject({ status: 'scheduled', sellerName: '云雾岭茶园', playback: null });
    expect(live.products.map((p: { id: string }) => p.id)).toEqual([product.id]);
    const listed = json(await new TestClient(t.app).get('/api/v1/lives')).items;
    expect(listed.map((l: { id: string }) => l.id)).toContain(live.id);
    expect(listed[0]).not.toHaveProperty('script');
  });

  it('goes live on a publish with the current key, plays from the media URL, and ends with its recording', async () => {
    const { live, secret } = await prepareLive(seller.client, { title: '栀子花开了 现场直播', scheduledAt: clock.now().toISOString() });
    const room = json(await seller.client.get('/api/v1/seller/room'));
    expect(room).toMatchObject({ id: live.roomId, isLive: false, streamKeyHint: secret.slice(-4) });

    const on = await hook('on_publish', { stream: live.roomId, param: `?key=${secret}` });
    expect(on.statusCode).toBe(200);
    expect(json(on)).toEqual({ code: 0 });
    const playing = json(await new TestClient(t.app).get(`/api/v1/lives/${live.id}`));
    expect(playing.status).toBe('live');
    expect(playing.playback.flv).toBe(`https://media.example.cn/live/${live.roomId}.flv`);

    expect(json(await hook('on_unpublish', { stream: live.roomId }))).toEqual({ code: 0 });
    await hook('on_dvr', { stream: live.roomId, file: '/srs/objs/nginx/html/live/room.1700000000.flv' });
    const ended = json(await new TestClient(t.app).get(`/api/v1/lives/${live.id}`));
    expect(ended.status).toBe('ended');
    clock.advance(3 * 60_000); // past the window in which a dropped live may resume
    expect(ended.recordings).toHaveLength(1);
    expect(ended.recordings[0].url).toBe('https://media.example.cn/live/room.1700000000.flv');
    // Three years, the legal minimum for live-commerce evidence.
    const kept = new Date(ended.recordings[0].expiresAt).getTime() - new Date(ended.recordings[0].endedAt).getTime();
    expect(Math.round(kept / 86_400_000)).toBe(1095);
  });
});

describe('a dropped connection', () => {
  it('resumes the same live when the anchor reconnects within two minutes, and not after', async () => {
    const { live, secret } = await prepareLive(seller.client, { title: '田间直播 信号测试', scheduledAt: clock.now().toISOString() });
    const publish = () => hook('on_publish', { stream: live.roomId, param: `?key=${secret}` });
    expect(json(await publish())).toEqual({ code: 0 });
    await hook('on_unpublish', { stream: live.roomId });
    clock.advance(40_000);
    expect(json(await publish())).toEqual({ code: 0 });
    expect(json(await new TestClient(t.app).get(`/api/v1/lives/${live.id}`))).toMatchObject({ status: 'live', endedAt: null });

    await hook('on_unpublish', { stream: live.roomId });
    clock.advance(3 * 60_000);
    // Too late to resume: the publish starts the room's next scheduled live instead.
    expect(json(await publish())).toEqual({ code: 0 });
    expect(json(await new TestClient(t.app).get(`/api/v1/lives/${live.id}`)).status).toBe('ended');
    const onAir = json(await new TestClient(t.app).get('/api/v1/lives?status=live')).items;
    expect(onAir.map((l: { id: string }) => l.id)).not.toContain(live.id);
    await hook('on_unpublish', { stream: live.roomId });
    clock.advance(3 * 60_000);
  });
});

describe('going live is refused', () => {
  it('with a wrong or rotated key, a forged hook, or a second publisher', async () => {
    const { live, secret } = await prepareLive(seller.client, { scheduledAt: clock.now().toISOString() });
    expect(json(await hook('on_publish', { stream: live.roomId, param: '?key=guess' })).code).not.toBe(0);
    expect((await srs.post('/api/v1/media/hooks/on_publish?secret=nope', { stream: live.roomId, param: `?key=${secret}` })).statusCode).toBe(403);

    const rotated = json(await seller.client.post('/api/v1/seller/room/stream-key'));
    const old = await hook('on_publish', { stream: live.roomId, param: `?key=${secret}` });
    expect(old.statusCode).toBe(403);
    const fresh = new URLSearchParams(String(rotated.streamKey).split('?')[1]).get('key');
    await seller.client.post('/api/v1/seller/lives', liveBody({ title: '第二场 预约' }));
    expect(json(await hook('on_publish', { stream: live.roomId, param: `?key=${fresh}` }))).toEqual({ code: 0 });
    const second = await hook('on_publish', { stream: live.roomId, param: `?key=${fresh}` });
    expect(second.statusCode).toBe(403);
    expect(json(second).msg).toMatch(/already live/);
    await hook('on_unpublish', { stream: live.roomId });
  });

  it('when the title or script makes a claim the checker forbids, listing it before the anchor tries', async () => {
    const admin = await createAdmin(t);
    const farm = await createVerifiedSeller(t, admin, '清新果园');
    expect(json(await farm.client.post('/api/v1/seller/lives', liveBody({ title: '全网最低价 极品砂糖桔' }))).error.code).toBe('BANNED_CLAIM');

    // Allowed when scheduled, because the organic certificate was valid then; it lapses before the live.
    const today = clock.now().toISOString().slice(0, 10);
    const lastDay = new Date(clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const cert = json(
      await farm.client.post('/api/v1/seller/certificates', { kind: 'organic', number: 'OC-2026-55501', issuer: '某认证中心', validFrom: today, validUntil: lastDay }),
    );
    await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
    const { live, secret } = await prepareLive(farm.client, { script: '这批橘子有机种植', scheduledAt: new Date(clock.now().getTime() + 10 * 86_400_000).toISOString() });
    expect(json(await farm.client.get(`/api/v1/seller/lives/${live.id}/preflight`))).toEqual({ ready: true, violations: [] });

    clock.advance(9 * 86_400_000);
    const preflight = json(await farm.client.get(`/api/v1/seller/lives/${live.id}/preflight`));
    expect(preflight.ready).toBe(false);
    expect(preflight.violations[0]).toMatchObject({ field: '/script', text: '有机', kind: 'certified' });
    const refused = await hook('on_publish', { stream: live.roomId, param: `?key=${secret}` });
    expect(refused.statusCode).toBe(403);
    expect(json(refused).msg).toMatch(/有机/);
  });
});
