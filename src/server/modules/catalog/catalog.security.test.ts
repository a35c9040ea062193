import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { listProduct, productBody } from '../../../../test/helpers/catalog';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let owner: Awaited<ReturnType<typeof createVerifiedSeller>>;
let rival: Awaited<ReturnType<typeof createVerifiedSeller>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  owner = await createVerifiedSeller(t, admin, '云雾岭茶园');
  rival = await createVerifiedSeller(t, admin, '隔壁茶园');
});
afterAll(() => t.close());

describe('another seller', () => {
  it('cannot read, edit, publish or unpublish a product that is not theirs', async () => {
    const draft = json(await owner.client.post('/api/v1/seller/products', productBody({ title: '未公开的新品' })));
    const onSale = await listProduct(owner.client);
    for (const id of [draft.id, onSale.id]) {
      expect((await rival.client.get(`/api/v1/seller/products/${id}`)).statusCode).toBe(403);
      expect((await rival.client.request('PUT', `/api/v1/seller/products/${id}`, productBody({ title: '被篡改' }))).statusCode).toBe(403);
      expect((await rival.client.post(`/api/v1/seller/products/${id}/publish`)).statusCode).toBe(403);
      expect((await rival.client.post(`/api/v1/seller/products/${id}/unpublish`)).statusCode).toBe(403);
    }
    expect(json(await owner.client.get(`/api/v1/seller/products/${draft.id}`)).title).toBe('未公开的新品');
    expect(json(await owner.client.get(`/api/v1/seller/products/${onSale.id}`)).status).toBe('on_sale');
    expect((await rival.client.get(`/api/v1/seller/products?sellerId=${owner.user.id}`)).statusCode).toBe(403);
  });

  it('never sees a draft in search or on the public page', async () => {
    const draft = json(await owner.client.post('/api/v1/seller/products', productBody({ title: '秘密配方红茶' })));
    expect((await rival.client.get(`/api/v1/products/${draft.id}`)).statusCode).toBe(404);
    expect(json(await rival.client.get(`/api/v1/products?q=${encodeURIComponent('秘密配方')}`)).items).toEqual([]);
  });

  it('cannot back claims with a certificate that is not theirs', async () => {
    const cert = json(
      await owner.client.post('/api/v1/seller/certificates', {
        kind: 'organic',
        number: 'OC-2026-00001',
        issuer: '中绿华夏有机产品认证中心',
        validFrom: '2026-01-01',
        validUntil: '2030-01-01',
      }),
    );
    await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
    const res = await rival.client.post('/api/v1/seller/products', productBody({ title: '有机毛尖', certificateIds: [cert.id] }));
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('CERTIFICATE_NOT_USABLE');
  });
});

describe('roles', () => {
  it('keep anonymous callers and buyers out of the seller routes, and sellers out of the admin ones', async () => {
    const product = await listProduct(owner.client);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.post('/api/v1/seller/products', productBody())).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/seller/products')).statusCode).toBe(401);
    const buyer = await registerUser(t.app, '买家');
    expect((await buyer.client.post('/api/v1/seller/products', productBody())).statusCode).toBe(403);
    expect((await buyer.client.get(`/api/v1/seller/products/${product.id}`)).statusCode).toBe(403);
    expect((await owner.client.post(`/api/v1/admin/products/${product.id}/remove`, { reason: '自己下架' })).statusCode).toBe(403);
    expect((await anonymous.get(`/api/v1/products/${product.id}`)).statusCode).toBe(200);
  });
});

describe('a co-op', () => {
  it('manages the products of its active members only', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const member = await createVerifiedSeller(t, admin, '社员茶园');
    expect((await coop.client.post('/api/v1/coop/members', { phone: member.phone })).statusCode).toBe(201);
    expect((await member.client.post(`/api/v1/me/coops/${coop.user.id}/accept`)).statusCode).toBe(200);

    const forMember = await coop.client.post('/api/v1/seller/products', productBody({ sellerId: member.user.id, title: '合作社统一品牌毛尖' }));
    expect(forMember.statusCode).toBe(201);
    expect(json(forMember).sellerId).toBe(member.user.id);
    const id = json(forMember).id;
    expect(json(await member.client.get(`/api/v1/seller/products/${id}`)).title).toBe('合作社统一品牌毛尖');
    expect(json(await coop.client.get(`/api/v1/seller/products?sellerId=${member.user.id}`)).items).toHaveLength(1);

    const notMember = await coop.client.post('/api/v1/seller/products', productBody({ sellerId: owner.user.id }));
    expect(notMember.statusCode).toBe(403);
    const ownersProduct = await listProduct(owner.client);
    expect((await coop.client.post(`/api/v1/seller/products/${ownersProduct.id}/unpublish`)).statusCode).toBe(403);

    await member.client.post(`/api/v1/me/coops/${coop.user.id}/leave`);
    expect((await coop.client.get(`/api/v1/seller/products/${id}`)).statusCode).toBe(403);
  });
});
