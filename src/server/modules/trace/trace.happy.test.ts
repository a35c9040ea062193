import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import { createAdmin, createTestApp, createVerifiedSeller, json, TestClient, type TestApp } from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { addEvent, createLot, uploadLotPhoto, uploadReport } from '../../../../test/helpers/trace';

const clock = new FakeClock(new Date('2026-04-01T02:00:00Z'));
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
let anonymous: TestClient;
let product: Awaited<ReturnType<typeof listProduct>>;
let lot: Awaited<ReturnType<typeof createLot>>;
let photoId: string;
let reportId: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '365', PUBLIC_URL: 'https://tiantou.example.cn' } });
  admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin, '云雾岭茶园');
  anonymous = new TestClient(t.app);

  const cert = json(
    await seller.client.post('/api/v1/seller/certificates', {
      kind: 'organic',
      number: 'OC-2026-00871',
      issuer: '中绿华夏有机产品认证中心',
      validFrom: '2026-01-01',
      validUntil: '2026-04-30',
    }),
  );
  await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
  product = await listProduct(seller.client, { title: '有机信阳毛尖', certificateIds: [cert.id] });

  lot = await createLot(seller.client, product.id, { codePrefix: 'XY', quantity: 120.5 });
  photoId = await uploadLotPhoto(seller.client);
  reportId = await uploadReport(seller.client);
  // Recorded out of order, as a farmer catching up in the evening would.
  await addEvent(seller.client, lot.id, { kind: 'picking', occurredAt: '2026-03-28T00:30:00Z', photoIds: [photoId] });
  await addEvent(seller.client, lot.id, {
    kind: 'inspection',
    occurredAt: '2026-03-30T06:00:00Z',
    place: '信阳市农产品质量检测中心',
    who: '检测中心',
    notes: '农残 62 项未检出',
    reportIds: [reportId],
  });
  await addEvent(seller.client, lot.id, { kind: 'planting', occurredAt: '2025-11-02T01:00:00Z', notes: '秋季施有机肥' });
});
afterAll(() => t.close());

describe('a lot', () => {
  it('gets a printable code and lists under its product and its seller', async () => {
    expect(lot.code).toMatch(/^XY26-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(lot).toMatchObject({ productId: product.id, sellerId: seller.user.id, harvestDate: '2026-03-28', quantity: 120.5, unit: 'jin', note: '明前头采' });
    expect(lot.links).toEqual({
      traceUrl: `https://tiantou.example.cn/trace/${lot.code}`,
      qrSvg: `/api/v1/trace/${lot.code}/qr.svg`,
      qrPng: `/api/v1/trace/${lot.code}/qr.png`,
    });
    const plain = await createLot(seller.client, product.id, { harvestDate: '2025-10-01', unit: 'kg', quantity: 3 });
    expect(plain.code).toMatch(/^TT25-/);

    const ofProduct = json(await seller.client.get(`/api/v1/seller/lots?productId=${product.id}`)).items;
    expect(ofProduct.map((l: { code: string }) => l.code)).toEqual([lot.code, plain.code]);
    expect(ofProduct[0].eventCount).toBe(3);
    const mine = json(await seller.client.get('/api/v1/seller/lots')).items.map((l: { id: string }) => l.id);
    expect(mine).toEqual(expect.arrayContaining([lot.id, plain.id]));
  });

  it('keeps a timeline in the order things happened, with photos and reports', async () => {
    const detail = json(await seller.client.get(`/api/v1/seller/lots/${lot.id}`));
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['planting', 'picking', 'inspection']);
    expect(detail.events[1].photos).toEqual([{ id: photoId, url: `/api/v1/files/${photoId}`, contentType: 'image/jpeg', width: 64, height: 48 }]);
    expect(detail.events[2].reports).toEqual([expect.objectContaining({ id: reportId, contentType: 'application/pdf' })]);
    expect(detail.eventCount).toBe(3);
  });

  it('drops a mistaken entry from the seller view and the public record', async () => {
    const wrong = await addEvent(seller.client, lot.id, { kind: 'packing', occurredAt: '2026-03-29T02:00:00Z', notes: '录错了' });
    const res = await seller.client.delete(`/api/v1/seller/lots/${lot.id}/events/${wrong.id}`);
    expect(res.statusCode).toBe(200);
    expect(json(await seller.client.get(`/api/v1/seller/lots/${lot.id}`)).events.map((e: { id: string }) => e.id)).not.toContain(wrong.id);
    expect(json(await anonymous.get(`/api/v1/trace/${lot.code}`)).events).toHaveLength(3);
  });
});

describe('the public record', () => {
  it('answers the code as JSON with the product as buyers see it', async () => {
    const res = await anonymous.get(`/api/v1/trace/${lot.code}`);
    expect(res.statusCode).toBe(200);
    const trace = json(res);
    expect(trace.lot).toEqual({ code: lot.code, harvestDate: '2026-03-28', quantity: 120.5, unit: 'jin', note: '明前头采' });
    expect(trace.product).toMatchObject({
      id: product.id,
      title: '有机信阳毛尖',
      sellerName: '云雾岭茶园',
      origin: { province: '河南省', county: '浉河区', township: '董家河镇', village: '云雾岭村' },
      certificates: [{ kind: 'organic', number: 'OC-2026-00871', issuer: '中绿华夏有机产品认证中心', validUntil: '2026-04-30' }],
    });
    expect(trace.product.coverUrl).toMatch(/^\/api\/v1\/files\//);
    expect(trace.events[1].photos[0].url).toBe(`/api/v1/files/${photoId}`);
    expect(trace.events[2].reports[0].url).toBe(`/api/v1/files/${reportId}`);
    expect((await anonymous.get(trace.events[1].photos[0].url)).statusCode).toBe(200);
    expect((await anonymous.get(trace.events[2].reports[0].url)).headers['content-type']).toBe('application/pdf');
  });

  it('reads a code typed by hand: lower case, no dash, O for zero', async () => {
    const typed = lot.code.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    expect(json(await anonymous.get(`/api/v1/trace/${encodeURIComponent(typed)}`)).lot.code).toBe(lot.code);
  });

  it('renders a small HTML page with the product, origin, certificates and timeline', async () => {
    const res = await anonymous.get(`/trace/${lot.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const page = res.body;
    expect(Buffer.byteLength(page)).toBeLessThan(20_000);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).not.toContain('<script');
    expect(page).toContain(`<link rel="canonical" href="https://tiantou.example.cn/trace/${lot.code}">`);
    expect(page).toMatch(/<meta name="description" content="有机信阳毛尖，产自云雾岭村，云雾岭茶园出品，2026年3月28日采收。/);
    for (const text of ['有机信阳毛尖', '云雾岭茶园', '河南省信阳市浉河区董家河镇云雾岭村', lot.code, '2026年3月28日', '120.5 斤']) {
      expect(page).toContain(text);
    }
    for (const text of ['有机产品认证', 'OC-2026-00871', '中绿华夏有机产品认证中心', '2026年4月30日']) expect(page).toContain(text);
    expect(page.indexOf('种植')).toBeLessThan(page.indexOf('采摘'));
    expect(page).toContain('2026年3月28日 08:30'); // the picking, in China time
    expect(page).toContain('农残 62 项未检出');
    expect(page).toMatch(new RegExp(`<img src="/api/v1/files/${photoId}" alt="[^"]+" loading="lazy"`));
    expect(page).toContain(`<a href="/api/v1/files/${reportId}" target="_blank" rel="noopener">检测报告 1（PDF）</a>`);
  });

  it('speaks English when asked by header or by link', async () => {
    const byHeader = await anonymous.get(`/trace/${lot.code}`, { 'accept-language': 'en-US,en;q=0.9' });
    expect(byHeader.body).toContain('<html lang="en">');
    expect(byHeader.body).toContain('Harvested');
    expect(byHeader.body).toContain('28 Mar 2026');
    expect(byHeader.headers.vary).toContain('accept-language');
    const byLink = await anonymous.get(`/trace/${lot.code}?lang=en&from=singlemessage`);
    expect(byLink.body).toContain('Organic certification');
    expect(byLink.body).toContain(`href="https://tiantou.example.cn/trace/${lot.code}?lang=en"`);
    expect(byLink.body).toContain(`href="/trace/${lot.code}?lang=zh"`);
  });

  it('stays readable after the listing goes off sale, with lapsed claims withdrawn', async () => {
    await seller.client.post(`/api/v1/seller/products/${product.id}/unpublish`);
    expect(json(await anonymous.get(`/api/v1/trace/${lot.code}`)).product.title).toBe('有机信阳毛尖');
    expect((await anonymous.get(`/api/v1/products/${product.id}/lots`)).statusCode).toBe(404);

    clock.set(new Date('2026-05-02T02:00:00Z'));
    const later = json(await anonymous.get(`/api/v1/trace/${lot.code}`));
    expect(later.product.title).toBe('信阳毛尖');
    expect(later.product.certificates).toEqual([]);
    const page = (await anonymous.get(`/trace/${lot.code}`)).body;
    expect(page).not.toContain('OC-2026-00871');
    clock.set(new Date('2026-04-01T02:00:00Z'));
    await seller.client.post(`/api/v1/seller/products/${product.id}/publish`);
  });

  it('lists the lots of a product on sale for its page', async () => {
    const res = await anonymous.get(`/api/v1/products/${product.id}/lots`);
    expect(res.statusCode).toBe(200);
    expect(json(res).items[0]).toEqual({ code: lot.code, harvestDate: '2026-03-28' });
  });
});

describe('QR codes and labels', () => {
  it('serve the QR code as SVG and PNG, cacheable', async () => {
    const svg = await anonymous.get(lot.links.qrSvg);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(svg.body).toContain('<svg');
    const png = await anonymous.get(`${lot.links.qrPng}?size=256`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.rawPayload.readUInt32BE(16)).toBe(256); // IHDR width
  });

  it('print N labels on A4 sheets, each with the QR code and the lot code', async () => {
    const res = await seller.client.get(`/api/v1/seller/lots/${lot.id}/labels?count=30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const sheet = res.body;
    expect(sheet.match(/<svg class="qr"/g)).toHaveLength(30);
    expect(sheet.match(/class="sheet"/g)).toHaveLength(2);
    expect(sheet.split(lot.code).length - 1).toBeGreaterThanOrEqual(30);
    for (const text of ['有机信阳毛尖', '云雾岭茶园', '浉河区·云雾岭村', '2026年3月28日', lot.links.traceUrl, '@page', 'window.print()']) {
      expect(sheet).toContain(text);
    }
    expect(sheet.slice(sheet.indexOf('@media print'))).toMatch(/^@media print\{.*\.bar\{display:none\}/);
    const nonce = /<script nonce="([^"]+)"/.exec(sheet)?.[1];
    expect(res.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);

    const defaults = (await seller.client.get(`/api/v1/seller/lots/${lot.id}/labels?lang=en`)).body;
    expect(defaults.match(/<svg class="qr"/g)).toHaveLength(24);
    expect(defaults).toContain('Harvested');
  });
});
