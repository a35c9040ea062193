import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { createAdmin, createTestApp, createVerifiedSeller, json, registerUser, TestClient, type TestApp } from './helpers/app';
import { listen, RoomSocket } from './helpers/room';
import { buyerWithAddress, createFlashSale, sellerWithLive } from './helpers/sales';

// Two nodes on one database: with REDIS_URL they also share rate limits and events, as a county deployment does.
let nodeA: TestApp;
let nodeB: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  nodeA = await createTestApp();
  nodeB = await buildApp(nodeA.config, { database: nodeA.database });
});
afterAll(async () => {
  await nodeB.close();
  await nodeA.close();
});

describe('several nodes', () => {
  it('accepts a session created on one node on the other', async () => {
    const { client } = await registerUser(nodeA.app);
    const onB = new TestClient(nodeB);
    onB.cookie = client.cookie;
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    await client.post('/api/v1/auth/logout');
    expect((await onB.get('/api/v1/me')).statusCode).toBe(401);
  });

  it.runIf(process.env.REDIS_URL)('counts failed logins across nodes when Redis is configured', async () => {
    const { phone, password } = await registerUser(nodeA.app);
    for (let i = 0; i < 5; i++) {
      const node = i % 2 === 0 ? nodeA.app : nodeB;
      expect((await new TestClient(node).post('/api/v1/auth/login', { phone, password: `guess-${i}x` })).statusCode).toBe(401);
    }
    const res = await new TestClient(nodeB).post('/api/v1/auth/login', { phone, password });
    expect(res.statusCode).toBe(429);
    expect(json(res).error.code).toBe('LOGIN_RATE_LIMITED');
  });
});

describe.runIf(process.env.REDIS_URL)('one room on two nodes', () => {
  let siteA: string;
  let siteB: string;
  let roomId: string;
  let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
  const sockets: RoomSocket[] = [];
  const open = async (site: string, cookie?: string) => {
    const socket = await RoomSocket.open(site, roomId, cookie ? { cookie } : {});
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    [siteA, siteB] = [await listen(nodeA.app), await listen(nodeB)];
    seller = await createVerifiedSeller(nodeA, await createAdmin(nodeA));
    roomId = json(await seller.client.get('/api/v1/seller/room')).id;
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
  });

  it('delivers every chat line to every viewer on either node exactly once and in the same order', async () => {
    const viewers = [await open(siteA), await open(siteA), await open(siteB), await open(siteB)];
    const speakers = await Promise.all(
      [siteA, siteB, siteA, siteB].map(async (site) => open(site, (await registerUser(nodeA.app)).client.cookie)),
    );
    const replies = await Promise.all(speakers.flatMap((s, i) => [s.chat(`${i}-一`), s.chat(`${i}-二`)]));
    expect(replies.every((r) => r.ok)).toBe(true);
    const sent = replies.map((r) => (r.ok ? r.seq : 0)).sort((a, b) => a - b);
    for (const viewer of viewers) {
      await viewer.until(() => viewer.eventsOf('chat').length === sent.length);
      const seqs = viewer.events.map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => viewer.snapshot!.seq + 1 + i));
      expect(viewer.eventsOf('chat').map((e) => e.seq)).toEqual(sent);
    }
    const orderOnA = viewers[0]!.eventsOf('chat').map((e) => e.data.text);
    expect(viewers[3]!.eventsOf('chat').map((e) => e.data.text)).toEqual(orderOnA);
  });

  it('counts viewers on both nodes in one number', async () => {
    const before = sockets.length;
    await open(siteA);
    await open(siteB);
    const watcher = await open(siteB);
    const expected = before + 3;
    await watcher.until(() => watcher.eventsOf('presence').at(-1)?.data.viewers === expected, 8_000);
  });

  it('bans on one node and closes the viewer’s socket on the other', async () => {
    const viewer = await registerUser(nodeA.app);
    const socket = await open(siteB, viewer.client.cookie);
    const res = await seller.client.post(`/api/v1/rooms/${roomId}/sanctions`, { userId: viewer.user.id, kind: 'ban' });
    expect(res.statusCode).toBe(200);
    await socket.until(() => socket.closed !== undefined);
    expect(socket.closed!.code).toBe(4003);
    const onB = new TestClient(nodeB);
    onB.cookie = seller.client.cookie;
    expect((await onB.get(`/api/v1/rooms/${roomId}/sanctions`)).json().items).toHaveLength(1);
  });
});

describe.runIf(process.env.REDIS_URL)('one flash sale sold by two nodes', () => {
  it('sells exactly its units, no buyer over the limit, every acknowledged order kept', async () => {
    const { seller, live, sku } = await sellerWithLive(nodeA);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 990, quantity: 20, perBuyerLimit: 2, durationSeconds: 120 });
    expect((await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`)).statusCode).toBe(200);
    const buyers = await Promise.all(Array.from({ length: 15 }, () => buyerWithAddress(nodeA)));
    const answers = await Promise.all(
      buyers.flatMap((buyer, i) =>
        [0, 1, 2].map(async (j) => {
          const client = new TestClient((i + j) % 2 ? nodeB : nodeA.app);
          client.cookie = buyer.client.cookie;
          const res = await client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: buyer.addressId });
          return { buyer, res };
        }),
      ),
    );
    const accepted = answers.filter((a) => a.res.statusCode === 201);
    expect(accepted).toHaveLength(20);
    expect(json(await new TestClient(nodeB).get(`/api/v1/flash-sales/${sale.id}`)).remaining).toBe(0);
    let units = 0;
    for (const buyer of buyers) {
      const mine = json(await buyer.client.get('/api/v1/orders')).items as Array<{ id: string; items: Array<{ quantity: number }> }>;
      expect(mine.length).toBeLessThanOrEqual(2);
      units += mine.length;
      for (const { res } of accepted.filter((a) => a.buyer === buyer)) expect(mine.map((o) => o.id)).toContain(json(res).orderId);
    }
    expect(units).toBe(20);
  });
});
