import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createVerifiedSeller,
  json,
  registerUser,
  type TestApp,
  type TestClient,
} from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { liveBody } from '../../../../test/helpers/live';
import { listen, RoomSocket } from '../../../../test/helpers/room';

let t: TestApp;
let site: string;
let seller: { client: TestClient; user: { id: string } };
let otherSeller: { client: TestClient; user: { id: string } };
let roomId: string;
const sockets: RoomSocket[] = [];

async function open(options: Parameters<typeof RoomSocket.open>[2] = {}) {
  const socket = await RoomSocket.open(site, roomId, options);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  t = await createTestApp();
  site = await listen(t.app);
  const admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin);
  otherSeller = await createVerifiedSeller(t, admin, '栀香湾');
  roomId = json(await seller.client.get('/api/v1/seller/room')).id;
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t.close();
});

const rooms = (path = '') => `/api/v1/rooms/${roomId}${path}`;

describe('who may moderate', () => {
  it('tells the anchor, a moderator and a viewer what they may do', async () => {
    const viewer = await registerUser(t.app);
    expect(json(await seller.client.get(rooms('/access')))).toMatchObject({ isAnchor: true, canModerate: true });
    expect(json(await viewer.client.get(rooms('/access')))).toMatchObject({ isAnchor: false, canModerate: false });
  });

  it('refuses every control to viewers, other sellers and guests', async () => {
    const viewer = await registerUser(t.app);
    for (const client of [viewer.client, otherSeller.client]) {
      for (const res of [
        await client.request('PUT', rooms('/notice'), { text: '大家好' }),
        await client.request('PUT', rooms('/slow-mode'), { seconds: 10 }),
        await client.post(rooms('/sanctions'), { userId: viewer.user.id, kind: 'mute' }),
        await client.delete(rooms('/chat/abcdefgh')),
        await client.get(rooms('/sanctions')),
        await client.delete(rooms('/pin')),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(json(res).error.code).toBe('ROOM_NOT_MODERATOR');
      }
    }
    const guest = await t.app.inject({ method: 'PUT', url: rooms('/notice'), payload: { text: '大家好' } });
    expect(guest.statusCode).toBe(401);
  });

  it('lets only the anchor appoint moderators, who may then moderate but not appoint', async () => {
    const mod = await registerUser(t.app, '房管小王');
    const viewer = await registerUser(t.app);
    expect((await mod.client.post(rooms('/moderators'), { userId: viewer.user.id })).statusCode).toBe(403);
    expect((await seller.client.post(rooms('/moderators'), { userId: mod.user.id })).statusCode).toBe(200);
    expect(json(await seller.client.get(rooms('/moderators'))).items).toEqual([expect.objectContaining({ userId: mod.user.id, name: '房管小王' })]);
    expect(json(await mod.client.get(rooms('/access')))).toMatchObject({ canModerate: true, isAnchor: false });
    expect((await mod.client.request('PUT', rooms('/slow-mode'), { seconds: 0 })).statusCode).toBe(200);
    expect((await mod.client.post(rooms('/moderators'), { userId: viewer.user.id })).statusCode).toBe(403);
    const dismissed = await seller.client.delete(rooms(`/moderators/${mod.user.id}`));
    expect(dismissed.statusCode).toBe(200);
    expect((await mod.client.request('PUT', rooms('/slow-mode'), { seconds: 0 })).statusCode).toBe(403);
  });

  it('never mutes or bans the anchor or a moderator', async () => {
    const mod = await registerUser(t.app);
    await seller.client.post(rooms('/moderators'), { userId: mod.user.id });
    for (const userId of [seller.user.id, mod.user.id]) {
      const res = await seller.client.post(rooms('/sanctions'), { userId, kind: 'ban' });
      expect(res.statusCode).toBe(422);
      expect(json(res).error.code).toBe('ROOM_CANNOT_SANCTION');
    }
  });

  it('answers 404 for a room that does not exist and 400 for a malformed id', async () => {
    const missing = await seller.client.request('PUT', '/api/v1/rooms/rom_01JD0000000000000000000000/notice', { text: 'hi' });
    expect(missing.statusCode).toBe(404);
    expect(json(missing).error.code).toBe('ROOM_NOT_FOUND');
    expect((await seller.client.request('PUT', '/api/v1/rooms/x/notice', { text: 'hi' })).statusCode).toBe(400);
  });
});

describe('mute, ban and delete', () => {
  it('mutes a viewer: they are told at once and cannot chat until lifted', async () => {
    const viewer = await registerUser(t.app);
    const socket = await open({ cookie: viewer.client.cookie });
    expect(await socket.chat('第一句')).toMatchObject({ ok: true });
    const muted = await seller.client.post(rooms('/sanctions'), { userId: viewer.user.id, kind: 'mute', minutes: 10, reason: '刷屏' });
    expect(muted.statusCode).toBe(200);
    await socket.until(() => socket.frames.some((f) => f.t === 'sanction'));
    expect(socket.frames.find((f) => f.t === 'sanction')).toMatchObject({ kind: 'mute' });
    expect(await socket.chat('第二句')).toMatchObject({ ok: false, error: { code: 'CHAT_MUTED' } });
    expect(json(await seller.client.get(rooms('/sanctions'))).items).toEqual([
      expect.objectContaining({ userId: viewer.user.id, kind: 'mute', reason: '刷屏' }),
    ]);
    await seller.client.delete(rooms(`/sanctions/${viewer.user.id}`));
    await socket.until(() => socket.frames.some((f) => f.t === 'sanction_lifted'));
    expect(await socket.chat('第三句')).toMatchObject({ ok: true });
  });

  it('bans a viewer: their socket is closed and they cannot come back while logged in', async () => {
    const viewer = await registerUser(t.app);
    const socket = await open({ cookie: viewer.client.cookie });
    await seller.client.post(rooms('/sanctions'), { userId: viewer.user.id, kind: 'ban' });
    await socket.until(() => socket.closed !== undefined);
    expect(socket.closed!.code).toBe(4003);
    const again = await open({ cookie: viewer.client.cookie });
    await again.until(() => again.closed !== undefined);
    expect(again.frames).toEqual([{ t: 'sanction', kind: 'ban', until: null }]);
    expect(again.closed!.code).toBe(4003);
  });

  it('deletes a chat line from every viewer', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    const watcher = await open();
    const said = await speaker.chat('加微信买更便宜');
    await watcher.until(() => watcher.eventsOf('chat').some((e) => e.seq === (said.ok ? said.seq : -1)));
    const line = watcher.eventsOf('chat').find((e) => e.data.text === '加微信买更便宜')!;
    expect((await seller.client.delete(rooms(`/chat/${line.data.id}`))).statusCode).toBe(200);
    await watcher.until(() => watcher.eventsOf('chat.deleted').some((e) => e.data.id === line.data.id));
    const later = await open();
    expect(later.snapshot!.recentChat.map((l) => l.id)).not.toContain(line.data.id);
  });

  it('slows the chat down for viewers but not for the anchor', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    const anchor = await open({ cookie: seller.client.cookie });
    await seller.client.request('PUT', rooms('/slow-mode'), { seconds: 30 });
    await speaker.until(() => speaker.eventsOf('slow_mode').length > 0);
    expect(await speaker.chat('一')).toMatchObject({ ok: true });
    expect(await speaker.chat('二')).toMatchObject({ ok: false, error: { code: 'CHAT_TOO_FAST' } });
    expect(await anchor.chat('大家慢慢来')).toMatchObject({ ok: true });
    expect(await anchor.chat('我再说一句')).toMatchObject({ ok: true });
    await seller.client.request('PUT', rooms('/slow-mode'), { seconds: 0 });
  });
});

describe('pins and notices', () => {
  it('pins only a product of this live, with its price, lot and badges, and newcomers see it', async () => {
    const product = await listProduct(seller.client);
    const stranger = await listProduct(otherSeller.client);
    const scheduled = await seller.client.post('/api/v1/seller/lives', liveBody({ productIds: [product.id] }));
    expect(scheduled.statusCode).toBe(201);
    const watcher = await open();

    const refused = await seller.client.request('PUT', rooms('/pin'), { productId: stranger.id });
    expect(refused.statusCode).toBe(422);
    expect(json(refused).error.code).toBe('ROOM_PRODUCT_NOT_IN_LIVE');

    expect((await seller.client.request('PUT', rooms('/pin'), { productId: product.id })).statusCode).toBe(200);
    await watcher.until(() => watcher.eventsOf('pin').length > 0);
    expect(watcher.eventsOf('pin')[0]!.data.product).toMatchObject({
      productId: product.id,
      minPriceFen: 16800,
      lotCode: null,
      origin: '河南省 信阳市 浉河区',
    });
    const newcomer = await open();
    expect(newcomer.snapshot!.pinned).toMatchObject({ productId: product.id });

    await seller.client.delete(rooms('/pin'));
    await watcher.until(() => watcher.eventsOf('unpin').length > 0);
    expect((await open()).snapshot!.pinned).toBeNull();
  });

  it('puts announcements through the claims check and shows them to newcomers', async () => {
    const refused = await seller.client.request('PUT', rooms('/notice'), { text: '本店茶叶能治疗高血压' });
    expect(refused.statusCode).toBe(422);
    expect(json(refused).error.code).toBe('BANNED_CLAIM');
    expect((await seller.client.request('PUT', rooms('/notice'), { text: '今晚八点抽奖，关注不迷路' })).statusCode).toBe(200);
    expect((await open()).snapshot!.notice).toBe('今晚八点抽奖，关注不迷路');
    await seller.client.delete(rooms('/notice'));
    expect((await open()).snapshot!.notice).toBeNull();
  });
});
