import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, registerUser, TestClient, type TestApp } from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { liveBody, prepareLive } from '../../../../test/helpers/live';

let t: TestApp;
let owner: Awaited<ReturnType<typeof createVerifiedSeller>>;
let rival: Awaited<ReturnType<typeof createVerifiedSeller>>;
beforeAll(async () => {
  t = await createTestApp({ env: { MEDIA_INGEST: 'external', MEDIA_HOOK_SECRET: 'hook-secret' } });
  const admin = await createAdmin(t);
  owner = await createVerifiedSeller(t, admin, '云雾岭茶园');
  rival = await createVerifiedSeller(t, admin, '隔壁茶园');
});
afterAll(() => t.close());

describe('another seller', () => {
  it('cannot read, edit, cancel, check or end a live that is not theirs', async () => {
    const { live } = await prepareLive(owner.client);
    expect((await rival.client.get(`/api/v1/seller/lives/${live.id}`)).statusCode).toBe(403);
    expect((await rival.client.request('PUT', `/api/v1/seller/lives/${live.id}`, liveBody({ title: '被改掉的标题' }))).statusCode).toBe(403);
    expect((await rival.client.post(`/api/v1/seller/lives/${live.id}/cancel`)).statusCode).toBe(403);
    expect((await rival.client.get(`/api/v1/seller/lives/${live.id}/preflight`)).statusCode).toBe(403);
    expect((await rival.client.post(`/api/v1/seller/lives/${live.id}/end`)).statusCode).toBe(403);
    expect(json(await owner.client.get(`/api/v1/seller/lives/${live.id}`))).toMatchObject({ status: 'scheduled', title: '云雾岭茶园 明前新茶开采直播' });
    expect(json(await rival.client.get('/api/v1/seller/lives')).items).toEqual([]);
  });

  it('cannot sell someone else\'s product in a live', async () => {
    const product = await listProduct(owner.client);
    const res = await rival.client.post('/api/v1/seller/lives', liveBody({ productIds: [product.id] }));
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('LIVE_PRODUCT_NOT_USABLE');
  });

  it('gets a key for their own room only', async () => {
    const mine = json(await owner.client.get('/api/v1/seller/room'));
    const theirs = json(await rival.client.get('/api/v1/seller/room'));
    expect(mine.id).not.toBe(theirs.id);
    const key = json(await rival.client.post('/api/v1/seller/room/stream-key'));
    expect(key.streamKey.startsWith(`${theirs.id}?key=`)).toBe(true);
  });
});

describe('roles', () => {
  it('keep anonymous callers and buyers out of the anchor routes, while anyone may watch', async () => {
    const { live } = await prepareLive(owner.client);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/v1/seller/room')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/seller/lives', liveBody())).statusCode).toBe(401);
    const buyer = await registerUser(t.app, '买家');
    expect((await buyer.client.post('/api/v1/seller/room/stream-key')).statusCode).toBe(403);
    expect((await buyer.client.get(`/api/v1/seller/lives/${live.id}`)).statusCode).toBe(403);
    expect((await anonymous.get(`/api/v1/lives/${live.id}`)).statusCode).toBe(200);
    expect(json(await anonymous.get(`/api/v1/lives/${live.id}`))).not.toHaveProperty('script');
  });

  it('never show the stream key again after it was issued', async () => {
    const key = json(await owner.client.post('/api/v1/seller/room/stream-key'));
    const secret = new URLSearchParams(key.streamKey.split('?')[1]).get('key')!;
    const room = await owner.client.get('/api/v1/seller/room');
    expect(room.body).not.toContain(secret);
    expect(json(room).streamKeyHint).toBe(secret.slice(-4));
  });
});

describe('bad input', () => {
  it('is refused with field reasons, and a finished live cannot be edited', async () => {
    for (const body of [liveBody({ title: '' }), { ...liveBody(), scheduledAt: 'tomorrow' }, { ...liveBody(), extra: 1 }]) {
      const res = await owner.client.post('/api/v1/seller/lives', body);
      expect(res.statusCode).toBe(400);
      expect(json(res).error.code).toBe('VALIDATION_FAILED');
    }
    const { live } = await prepareLive(owner.client);
    expect(json(await owner.client.post(`/api/v1/seller/lives/${live.id}/cancel`)).status).toBe('cancelled');
    const again = await owner.client.request('PUT', `/api/v1/seller/lives/${live.id}`, liveBody());
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('LIVE_STATUS_CONFLICT');
    expect((await new TestClient(t.app).get(`/api/v1/lives/${live.id}`)).statusCode).toBe(404);
  });
});
