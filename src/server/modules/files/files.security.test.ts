import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createVerifiedSeller,
  grantRole,
  json,
  registerUser,
  TestClient,
  uploadFile,
  type TestApp,
} from '../../../../test/helpers/app';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
});
afterAll(() => t.close());

const scan = () => sharp({ create: { width: 120, height: 90, channels: 3, background: '#f4f1e8' } }).jpeg().toBuffer();
const certificate = { kind: 'organic', number: 'OC-2026-00871', issuer: '中绿华夏有机产品认证中心', validFrom: '2026-01-01', validUntil: '2027-12-31' };

describe('who may upload and read files', () => {
  it('refuses an anonymous upload with 401', async () => {
    const res = await uploadFile(new TestClient(t.app), 'review_photo', await scan(), 'a.jpg');
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cross-site upload even with a session', async () => {
    const { client } = await registerUser(t.app);
    const res = await client.request('POST', '/api/v1/files', await scan(), {
      'content-type': 'multipart/form-data; boundary=x',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('CSRF_REJECTED');
  });

  it('serves a product image to anyone, cacheable for good', async () => {
    const seller = await registerUser(t.app);
    const image = json(await uploadFile(seller.client, 'product_image', await scan(), 'tea.jpg'));
    const res = await new TestClient(t.app).get(image.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('shows a certificate scan only to its owner, admins and regulators', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const regulator = await registerUser(t.app);
    await grantRole(t.database, regulator.user.id, 'regulator');
    const file = json(await uploadFile(owner.client, 'certificate_scan', await scan(), 'licence.jpg'));

    for (const reader of [owner, admin, regulator]) {
      const res = await reader.client.get(file.url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const peek = await stranger.client.get(file.url);
    expect(peek.statusCode).toBe(404);
    expect(json(peek).error.code).toBe('FILE_NOT_FOUND');
    expect((await new TestClient(t.app).get(file.url)).statusCode).toBe(401);
  });

  it("refuses a certificate backed by another seller's scan, or by a file uploaded for something else", async () => {
    const seller = await createVerifiedSeller(t, admin, '建国猕猴桃');
    const rival = await createVerifiedSeller(t, admin, '栀香湾合作社');
    const theirs = json(await uploadFile(rival.client, 'certificate_scan', await scan(), 'theirs.jpg'));
    const photo = json(await uploadFile(seller.client, 'product_image', await scan(), 'kiwi.jpg'));
    const own = json(await uploadFile(seller.client, 'certificate_scan', await scan(), 'mine.jpg'));

    for (const fileId of [theirs.id, photo.id]) {
      const res = await seller.client.post('/api/v1/seller/certificates', { ...certificate, fileId });
      expect(res.statusCode).toBe(422);
      expect(json(res).error.code).toBe('FILE_NOT_USABLE');
      expect(json(res).error.message).toContain(fileId);
    }
    expect(json(await seller.client.get('/api/v1/seller/certificates')).items).toEqual([]);
    const accepted = await seller.client.post('/api/v1/seller/certificates', { ...certificate, fileId: own.id });
    expect(accepted.statusCode).toBe(201);
    expect(json(accepted).fileId).toBe(own.id);
  });
});
