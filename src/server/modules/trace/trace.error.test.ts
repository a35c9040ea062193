import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import { createAdmin, createTestApp, createVerifiedSeller, json, TestClient, uploadFile, type TestApp } from '../../../../test/helpers/app';
import { listProduct, photo, uploadProductImage } from '../../../../test/helpers/catalog';
import { addEvent, createLot, eventBody, lotBody, pdf, uploadLotPhoto, uploadReport } from '../../../../test/helpers/trace';

const clock = new FakeClock(new Date('2026-04-01T02:00:00Z'));
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
let anonymous: TestClient;
let product: Awaited<ReturnType<typeof listProduct>>;
let lot: Awaited<ReturnType<typeof createLot>>;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '365' } });
  admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin, '云雾岭茶园');
  anonymous = new TestClient(t.app);
  product = await listProduct(seller.client);
  lot = await createLot(seller.client, product.id);
});
afterAll(() => t.close());

const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; fields?: Array<{ path: string }> } }).error;
const postLot = (overrides: Record<string, unknown>) => seller.client.post('/api/v1/seller/lots', { ...lotBody(product.id), ...overrides });
const postEvent = (overrides: Record<string, unknown>) => seller.client.post(`/api/v1/seller/lots/${lot.id}/events`, { ...eventBody(), ...overrides });

describe('an unknown code', () => {
  it('gets a friendly 404 page in the same style, in either language', async () => {
    const res = await anonymous.get('/trace/TT26-0000AA');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('没有找到这个批次');
    expect(res.body).toContain('TT26-0000AA');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toContain('<a href="/">');
    const english = await anonymous.get('/trace/nonsense?lang=en');
    expect(english.statusCode).toBe(404);
    expect(english.body).toContain('Lot not found');
  });

  it('escapes whatever was put in the address', async () => {
    const res = await anonymous.get(`/trace/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('&lt;script&gt;');
  });

  it('answers LOT_NOT_FOUND as JSON and for the QR images', async () => {
    for (const url of ['/api/v1/trace/TT26-0000AA', '/api/v1/trace/TT26-0000AA/qr.svg', '/api/v1/trace/TT26-0000AA/qr.png', '/api/v1/trace/x']) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).code, url).toBe('LOT_NOT_FOUND');
    }
    const english = await anonymous.get('/api/v1/trace/TT26-0000AA', { 'accept-language': 'en' });
    expect(errorOf(english).message).toMatch(/No lot has this code/);
  });

  it('and unknown lots, events and products are 404 with their own codes', async () => {
    expect(errorOf(await seller.client.get('/api/v1/seller/lots/lot_01JD0000000000000000000000')).code).toBe('LOT_NOT_FOUND');
    expect(errorOf(await postLot({ productId: 'prd_01JD0000000000000000000000' })).code).toBe('PRODUCT_NOT_FOUND');
    const gone = await seller.client.delete(`/api/v1/seller/lots/${lot.id}/events/lev_01JD0000000000000000000000`);
    expect(gone.statusCode).toBe(404);
    expect(errorOf(gone).code).toBe('LOT_EVENT_NOT_FOUND');
    expect((await anonymous.get('/api/v1/products/prd_01JD0000000000000000000000/lots')).statusCode).toBe(404);
  });

  it('an entry deleted once cannot be deleted again, nor through another lot', async () => {
    const other = await createLot(seller.client, product.id);
    const event = await addEvent(seller.client, lot.id);
    expect((await seller.client.delete(`/api/v1/seller/lots/${other.id}/events/${event.id}`)).statusCode).toBe(404);
    expect((await seller.client.delete(`/api/v1/seller/lots/${lot.id}/events/${event.id}`)).statusCode).toBe(200);
    expect(errorOf(await seller.client.delete(`/api/v1/seller/lots/${lot.id}/events/${event.id}`)).code).toBe('LOT_EVENT_NOT_FOUND');
  });
});

describe('a lot with bad fields', () => {
  it.each([
    ['an impossible date', { harvestDate: '2026-02-30' }, '/harvestDate'],
    ['a date that is not one', { harvestDate: '28/03/2026' }, '/harvestDate'],
    ['no quantity', { quantity: 0 }, '/quantity'],
    ['a negative quantity', { quantity: -5 }, '/quantity'],
    ['an unknown unit', { unit: 'bushel' }, '/unit'],
    ['an unknown field', { grade: 'A' }, '/grade'],
    ['a prefix with a look-alike letter', { codePrefix: 'IO' }, '/codePrefix'],
  ])('is refused with 400: %s', async (_name, overrides, path) => {
    const res = await postLot(overrides);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res).fields?.map((f) => f.path)).toContain(path);
  });

  it('cannot be harvested tomorrow (China time) or weighed to the gram of a jin', async () => {
    const future = await postLot({ harvestDate: '2026-04-02' });
    expect(future.statusCode).toBe(400);
    expect(errorOf(future)).toMatchObject({ code: 'LOT_DATE_IN_FUTURE', fields: [{ path: '/harvestDate' }] });
    expect((await postLot({ harvestDate: '2026-04-01' })).statusCode).toBe(201); // already 1 April at 10:00 in China
    expect(errorOf(await postLot({ quantity: 1.234 })).code).toBe('LOT_QUANTITY_PRECISION');
    expect((await postLot({ quantity: 12.35 })).statusCode).toBe(201);
  });

  it('cannot be made for a product the platform removed', async () => {
    const removed = await listProduct(seller.client, { title: '被下架的茶' });
    await admin.client.post(`/api/v1/admin/products/${removed.id}/remove`, { reason: '虚假宣传' });
    const res = await postLot({ productId: removed.id });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('PRODUCT_REMOVED');
  });
});

describe('an event with bad fields', () => {
  it.each([
    ['an unknown kind', { kind: 'harvesting' }, '/kind'],
    ['a time without a zone', { occurredAt: '2026-03-28 08:30' }, '/occurredAt'],
    ['no time', { occurredAt: undefined }, '/occurredAt'],
    ['notes too long', { notes: '茶'.repeat(1001) }, '/notes'],
    ['ten photos', { photoIds: Array.from({ length: 10 }, (_, i) => `fil_01JD00000000000000000000${String(i).padStart(2, '0')}`) }, '/photoIds'],
  ])('is refused with 400: %s', async (_name, overrides, path) => {
    const res = await postEvent(overrides);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.map((f) => f.path)).toContain(path);
  });

  it('cannot happen in the future, beyond a phone clock running a little fast', async () => {
    expect(errorOf(await postEvent({ occurredAt: '2026-04-01T03:00:00Z' })).code).toBe('LOT_DATE_IN_FUTURE');
    expect((await postEvent({ occurredAt: '2026-04-01T02:05:00Z' })).statusCode).toBe(201);
  });

  it('carries reports only when it is an inspection', async () => {
    const reportId = await uploadReport(seller.client);
    const res = await postEvent({ kind: 'packing', reportIds: [reportId] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('LOT_REPORTS_NEED_INSPECTION');
  });

  it('cannot attach files of another user or uploaded for another purpose', async () => {
    const stranger = await createVerifiedSeller(t, admin, '隔壁茶园');
    const theirPhoto = await uploadLotPhoto(stranger.client);
    const res = await postEvent({ photoIds: [theirPhoto] });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'FILE_NOT_USABLE' });
    expect(errorOf(res).message).toContain(theirPhoto);

    const productImage = await uploadProductImage(seller.client);
    expect(errorOf(await postEvent({ photoIds: [productImage] })).code).toBe('FILE_NOT_USABLE');
    const photoAsReport = await uploadLotPhoto(seller.client);
    expect(errorOf(await postEvent({ kind: 'inspection', reportIds: [photoAsReport] })).code).toBe('FILE_NOT_USABLE');
    const scan = json(await uploadFile(seller.client, 'certificate_scan', pdf(), 'scan.pdf')).id;
    expect(errorOf(await postEvent({ kind: 'inspection', reportIds: [scan] })).code).toBe('FILE_NOT_USABLE');
    expect(json(await seller.client.get(`/api/v1/seller/lots/${lot.id}`)).events.every((e: { photos: unknown[] }) => e.photos.length === 0)).toBe(true);
  });

  it('a lot photo must be an image: a PDF is refused at upload', async () => {
    const res = await uploadFile(seller.client, 'lot_photo', pdf(), 'photo.pdf');
    expect(res.statusCode).toBe(415);
    expect((await uploadFile(seller.client, 'inspection_report', await photo(), 'report.jpg')).statusCode).toBe(201);
  });
});

describe('labels and QR images with bad options', () => {
  it('refuse a count outside 1–240, an unknown language and a silly PNG size', async () => {
    for (const query of ['count=0', 'count=241', 'count=two', 'lang=fr']) {
      const res = await seller.client.get(`/api/v1/seller/lots/${lot.id}/labels?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    }
    expect((await anonymous.get(`${lot.links.qrPng}?size=10000`)).statusCode).toBe(400);
  });
});
