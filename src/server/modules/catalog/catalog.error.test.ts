import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, registerUser, type TestApp } from '../../../../test/helpers/app';
import { listProduct, productBody, uploadProductImage } from '../../../../test/helpers/catalog';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin);
});
afterAll(() => t.close());

const create = (body: unknown) => seller.client.post('/api/v1/seller/products', body);

describe('a listing is refused', () => {
  it('when it uses banned absolute or medical wording, naming each claim and its field', async () => {
    const res = await create(productBody({ title: '全网最好的极品毛尖', description: '喝了能治疗高血压' }));
    expect(res.statusCode).toBe(422);
    const { error } = json(res);
    expect(error.code).toBe('BANNED_CLAIM');
    expect(error.message).toContain('极品');
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['/title', '/description']));
    expect(json(await seller.client.get('/api/v1/seller/products')).items).toEqual([]);
  });

  it('when it claims a certified quality without a certificate, in English too', async () => {
    const res = await seller.client.post('/api/v1/seller/products', productBody({ title: '绿色食品 高山茶', skus: [{ name: 'organic 250g', priceFen: 100, stock: 1 }] }), {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toMatchObject({ code: 'CLAIM_NOT_CERTIFIED' });
    expect(json(res).error.message).toMatch(/绿色食品.*organic|organic.*绿色食品/);
  });

  it('when its fields are missing or out of range, with a field-level reason', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...productBody(), category: 'durian' }, '/category'],
      [{ ...productBody(), skus: [] }, '/skus'],
      [{ ...productBody(), skus: [{ name: '250g', priceFen: 0, stock: 1 }] }, '/skus/0/priceFen'],
      [{ ...productBody(), skus: [{ name: '250g', priceFen: 12.5, stock: 1 }] }, '/skus/0/priceFen'],
      [{ ...productBody(), origin: { province: '河南省', city: '信阳市', county: '浉河区' } }, '/origin'],
      [{ ...productBody(), weightGrams: -1 }, '/weightGrams'],
      [{ ...productBody(), surprise: true }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error.code).toBe('VALIDATION_FAILED');
      expect(json(res).error.fields.map((f: { path: string }) => f.path).join(' ')).toContain(path);
    }
  });

  it('when it goes on sale without a photo, or twice', async () => {
    const draft = json(await create(productBody()));
    const noPhoto = await seller.client.post(`/api/v1/seller/products/${draft.id}/publish`);
    expect(noPhoto.statusCode).toBe(422);
    expect(json(noPhoto).error.code).toBe('PRODUCT_NEEDS_IMAGE');

    const product = await listProduct(seller.client);
    const again = await seller.client.post(`/api/v1/seller/products/${product.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('PRODUCT_STATUS_CONFLICT');
    const offTwice = await seller.client.post(`/api/v1/seller/products/${draft.id}/unpublish`);
    expect(offTwice.statusCode).toBe(409);
  });

  it('when an edit names a SKU of another product', async () => {
    const a = await listProduct(seller.client);
    const b = await listProduct(seller.client);
    const res = await seller.client.request('PUT', `/api/v1/seller/products/${a.id}`, {
      ...productBody({ imageIds: a.images.map((i: { id: string }) => i.id) }),
      skus: [{ id: b.skus[0]!.id, name: '偷来的规格', priceFen: 1, stock: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('SKU_NOT_FOUND');
    expect(json(await seller.client.get(`/api/v1/seller/products/${b.id}`)).skus[0].name).toBe('250g 罐装');
  });

  it('when the platform has removed it: no edits, no going back on sale', async () => {
    const product = await listProduct(seller.client);
    const removed = await admin.client.post(`/api/v1/admin/products/${product.id}/remove`, { reason: '涉嫌以次充好' });
    expect(removed.statusCode).toBe(200);
    const view = json(await seller.client.get(`/api/v1/seller/products/${product.id}`));
    expect(view).toMatchObject({ status: 'removed', removedReason: '涉嫌以次充好' });
    // With Redis the notification arrives through pub/sub, a moment later.
    await vi.waitFor(async () => {
      const told = json(await seller.client.get('/api/v1/me/notifications')).items;
      expect(told[0]).toMatchObject({ kind: 'product.removed' });
      expect(told[0].text).toContain('涉嫌以次充好');
    });
    expect((await seller.client.post(`/api/v1/seller/products/${product.id}/publish`)).statusCode).toBe(409);
    const edit = await seller.client.request('PUT', `/api/v1/seller/products/${product.id}`, productBody({ imageIds: view.images.map((i: { id: string }) => i.id) }));
    expect(json(edit).error.code).toBe('PRODUCT_REMOVED');
    expect((await admin.client.post(`/api/v1/admin/products/${product.id}/restore`)).statusCode).toBe(200);
    expect(json(await seller.client.get(`/api/v1/seller/products/${product.id}`)).status).toBe('off_sale');
  });

  it('for a seller whose verification is not approved', async () => {
    const applicant = await registerUser(t.app, '未认证农户');
    const res = await applicant.client.post('/api/v1/seller/products', productBody());
    expect(res.statusCode).toBe(403);
  });

  it('for an unknown product', async () => {
    const res = await seller.client.get('/api/v1/seller/products/prd_01JD0000000000000000000000');
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('PRODUCT_NOT_FOUND');
    expect((await seller.client.get('/api/v1/products/not-an-id')).statusCode).toBe(400);
  });

  it('when an image is not a product photo of the seller', async () => {
    const other = await createVerifiedSeller(t, admin, '别家茶园');
    const foreignImage = await uploadProductImage(other.client);
    const res = await create(productBody({ imageIds: [foreignImage] }));
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('FILE_NOT_USABLE');
  });
});
