import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import {
  createAdmin,
  createTestApp,
  createVerifiedCoop,
  createVerifiedSeller,
  json,
  registerUser,
  TestClient,
  type TestApp,
} from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { addEvent, createLot, eventBody, lotBody } from '../../../../test/helpers/trace';

const clock = new FakeClock(new Date('2026-04-01T02:00:00Z'));
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let owner: Awaited<ReturnType<typeof createVerifiedSeller>>;
let rival: Awaited<ReturnType<typeof createVerifiedSeller>>;
let anonymous: TestClient;
let product: Awaited<ReturnType<typeof listProduct>>;
let lot: Awaited<ReturnType<typeof createLot>>;
let event: Awaited<ReturnType<typeof addEvent>>;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '365' } });
  admin = await createAdmin(t);
  owner = await createVerifiedSeller(t, admin, '云雾岭茶园');
  rival = await createVerifiedSeller(t, admin, '隔壁茶园');
  anonymous = new TestClient(t.app);
  product = await listProduct(owner.client);
  lot = await createLot(owner.client, product.id);
  event = await addEvent(owner.client, lot.id);
});
afterAll(() => t.close());

describe('another seller', () => {
  it('cannot create a lot for, read, add to, delete from or print labels of a lot that is not theirs', async () => {
    const attempts = [
      () => rival.client.post('/api/v1/seller/lots', lotBody(product.id)),
      () => rival.client.get(`/api/v1/seller/lots?productId=${product.id}`),
      () => rival.client.get(`/api/v1/seller/lots/${lot.id}`),
      () => rival.client.post(`/api/v1/seller/lots/${lot.id}/events`, eventBody({ notes: '冒名记录' })),
      () => rival.client.delete(`/api/v1/seller/lots/${lot.id}/events/${event.id}`),
      () => rival.client.get(`/api/v1/seller/lots/${lot.id}/labels?count=1`),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.statusCode).toBe(403);
      expect(json(res).error.code).toBe('NOT_OWNER');
    }
    const detail = json(await owner.client.get(`/api/v1/seller/lots/${lot.id}`));
    expect(detail.events.map((e: { id: string; notes: string }) => [e.id, e.notes])).toEqual([[event.id, event.notes]]);
    expect(json(await owner.client.get(`/api/v1/seller/lots?productId=${product.id}`)).items).toHaveLength(1);
  });

  it('sees only their own lots in their list', async () => {
    const theirs = await createLot(rival.client, (await listProduct(rival.client)).id);
    const ids = json(await rival.client.get('/api/v1/seller/lots')).items.map((l: { id: string }) => l.id);
    expect(ids).toEqual([theirs.id]);
  });
});

describe('anonymous callers and buyers', () => {
  it('read the public page, JSON and QR codes, but none of the seller routes', async () => {
    expect((await anonymous.get(`/trace/${lot.code}`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/v1/trace/${lot.code}`)).statusCode).toBe(200);
    expect((await anonymous.get(lot.links.qrSvg)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/v1/products/${product.id}/lots`)).statusCode).toBe(200);

    const sellerRoutes = [
      () => anonymous.get('/api/v1/seller/lots'),
      () => anonymous.post('/api/v1/seller/lots', lotBody(product.id)),
      () => anonymous.get(`/api/v1/seller/lots/${lot.id}`),
      () => anonymous.post(`/api/v1/seller/lots/${lot.id}/events`, eventBody()),
      () => anonymous.delete(`/api/v1/seller/lots/${lot.id}/events/${event.id}`),
      () => anonymous.get(`/api/v1/seller/lots/${lot.id}/labels`),
    ];
    for (const call of sellerRoutes) expect((await call()).statusCode).toBe(401);

    const buyer = await registerUser(t.app, '买家');
    expect((await buyer.client.get('/api/v1/seller/lots')).statusCode).toBe(403);
    expect((await buyer.client.post('/api/v1/seller/lots', lotBody(product.id))).statusCode).toBe(403);
    expect((await buyer.client.get(`/api/v1/seller/lots/${lot.id}/labels`)).statusCode).toBe(403);
  });

  it('learn nothing of who typed in or deleted entries', async () => {
    const trace = json(await anonymous.get(`/api/v1/trace/${lot.code}`));
    expect(Object.keys(trace.lot).sort()).toEqual(['code', 'harvestDate', 'note', 'quantity', 'unit']);
    expect(Object.keys(trace.events[0]).sort()).toEqual(['id', 'kind', 'notes', 'occurredAt', 'photos', 'place', 'reports', 'who']);
  });
});

describe('seller-written text', () => {
  it('is shown as text on the public page, never run', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const noisy = await createLot(owner.client, product.id, { note: `"><script>alert(2)</script>` });
    await addEvent(owner.client, noisy.id, { notes: attack, place: '<b>田里</b>', who: `O'Brien & "Sons"` });
    const res = await anonymous.get(`/trace/${noisy.code}`);
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>田里</b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('O&#39;Brien &amp; &quot;Sons&quot;');
    // Even if escaping ever failed, the page allows no script at all.
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src/);
  });

  it('stays text on the label sheet, whose only script is its own', async () => {
    const evil = await listProduct(owner.client, { title: '<img src=x onerror=alert(3)>毛尖' });
    const evilLot = await createLot(owner.client, evil.id);
    const sheet = (await owner.client.get(`/api/v1/seller/lots/${evilLot.id}/labels?count=1`)).body;
    expect(sheet).not.toContain('<img src=x');
    expect(sheet).toContain('&lt;img src=x onerror=alert(3)&gt;毛尖');
    expect(sheet.match(/<script/g)).toHaveLength(1);
  });
});

describe('a co-op', () => {
  it('keeps the lots of its active members, and loses them when the member leaves', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const member = await createVerifiedSeller(t, admin, '社员茶园');
    await coop.client.post('/api/v1/coop/members', { phone: member.phone });
    await member.client.post(`/api/v1/me/coops/${coop.user.id}/accept`);
    const memberProduct = await listProduct(member.client);

    const created = await coop.client.post('/api/v1/seller/lots', lotBody(memberProduct.id));
    expect(created.statusCode).toBe(201);
    expect(json(created).sellerId).toBe(member.user.id);
    const coopLot = json(created);
    expect((await coop.client.post(`/api/v1/seller/lots/${coopLot.id}/events`, eventBody())).statusCode).toBe(201);
    expect(json(await member.client.get('/api/v1/seller/lots')).items.map((l: { id: string }) => l.id)).toContain(coopLot.id);
    expect((await coop.client.get(`/api/v1/seller/lots/${lot.id}`)).statusCode).toBe(403);

    await member.client.post(`/api/v1/me/coops/${coop.user.id}/leave`);
    expect((await coop.client.get(`/api/v1/seller/lots/${coopLot.id}`)).statusCode).toBe(403);
    expect((await member.client.get(`/api/v1/seller/lots/${coopLot.id}`)).statusCode).toBe(200);
  });
});
