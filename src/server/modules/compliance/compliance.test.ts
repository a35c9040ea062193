import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import {
  createAdmin,
  createTestApp,
  createVerifiedSeller,
  json,
  registerUser,
  type TestApp,
} from '../../../../test/helpers/app';
import { defaultClaimRuleSet } from './claims';

const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  // Long sessions, so moving the clock past a certificate's expiry does not log everyone out.
  t = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '365' } });
  admin = await createAdmin(t);
});
afterAll(() => t.close());

const organic = { kind: 'organic', number: 'OC-2026-00871', issuer: '中绿华夏有机产品认证中心', validFrom: '2026-01-01', validUntil: '2026-05-31' };

afterEach(() => clock.set(new Date('2026-05-01T02:00:00Z')));

describe('certificates', () => {
  it('back a claim only once approved, and stop at the end of their last day in China time', async () => {
    const seller = await createVerifiedSeller(t, admin);
    const check = async () => json(await seller.client.post('/api/v1/claims/check', { text: '有机信阳毛尖' })).violations;
    expect((await check()).map((v: { certificateKind: string }) => v.certificateKind)).toEqual(['organic']);

    const submitted = await seller.client.post('/api/v1/seller/certificates', organic);
    expect(submitted.statusCode).toBe(201);
    expect(json(submitted)).toMatchObject({ status: 'pending', valid: false });
    expect(await check()).toHaveLength(1);

    const approved = await admin.client.post(`/api/v1/admin/certificates/${json(submitted).id}/review`, { decision: 'approve' });
    expect(json(approved)).toMatchObject({ status: 'approved', valid: true });
    expect(await check()).toEqual([]);

    clock.set(new Date('2026-05-31T15:59:00Z')); // 23:59 in Shanghai on the last day
    expect(await check()).toEqual([]);
    clock.set(new Date('2026-05-31T16:00:30Z')); // 00:00:30 the next day
    expect(await check()).toHaveLength(1);
    expect(json(await seller.client.get('/api/v1/seller/certificates')).items[0].valid).toBe(false);
  });

  it('tells the seller once when a certificate expires', async () => {
    const seller = await createVerifiedSeller(t, admin, '栀香湾合作社');
    const cert = json(await seller.client.post('/api/v1/seller/certificates', { ...organic, kind: 'green_food', validUntil: '2026-06-10' }));
    await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
    clock.set(new Date('2026-06-11T00:00:00Z'));
    const { createCertificateService } = await import('./certificate.service');
    const { createMemoryBus } = await import('../../infra/bus/memory-bus');
    const pino = (await import('pino')).default;
    const bus = createMemoryBus(pino({ level: 'silent' }));
    const expired: unknown[] = [];
    bus.subscribe('certificate.expired', (e) => void expired.push(e.data));
    const service = createCertificateService({ db: t.database.db, clock, bus });
    expect(await service.announceExpired()).toBeGreaterThanOrEqual(1);
    expect(await service.announceExpired()).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(expired).toContainEqual(expect.objectContaining({ certificateId: cert.id, sellerId: seller.user.id, kind: 'green_food' }));
  });

  it('records a rejection reason and refuses a second review or bad dates', async () => {
    const seller = await createVerifiedSeller(t, admin);
    const bad = await seller.client.post('/api/v1/seller/certificates', { ...organic, validFrom: '2026-06-01', validUntil: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.code).toBe('INVALID_CERTIFICATE_DATES');
    const cert = json(await seller.client.post('/api/v1/seller/certificates', { ...organic, kind: 'geo_indication' }));
    const rejected = await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'reject', reason: '扫描件不清晰' });
    expect(json(rejected)).toMatchObject({ status: 'rejected', reason: '扫描件不清晰' });
    const again = await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('CERTIFICATE_NOT_PENDING');
  });

  it("are only submitted by verified sellers and never shown to another seller", async () => {
    const buyer = await registerUser(t.app);
    expect((await buyer.client.post('/api/v1/seller/certificates', organic)).statusCode).toBe(403);
    const a = await createVerifiedSeller(t, admin, '甲茶园');
    const b = await createVerifiedSeller(t, admin, '乙茶园');
    const cert = json(await a.client.post('/api/v1/seller/certificates', organic));
    const peek = await b.client.get(`/api/v1/seller/certificates/${cert.id}`);
    expect(peek.statusCode).toBe(403);
    expect(json(peek).error.code).toBe('NOT_OWNER');
    expect(json(await b.client.get('/api/v1/seller/certificates')).items.map((c: { id: string }) => c.id)).not.toContain(cert.id);
    expect((await a.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
  });
});

describe('claim rules', () => {
  it('start from the built-in baseline and take effect on every check when an admin publishes a new version', async () => {
    const current = json(await admin.client.get('/api/v1/admin/claim-rules'));
    expect(current.version).toBe(1);
    expect(current.rules).toHaveLength(defaultClaimRuleSet.rules.length);

    const buyer = await registerUser(t.app);
    const text = '吃了包你长生不老';
    expect(json(await buyer.client.post('/api/v1/claims/check', { text })).violations).toEqual([]);

    const added = {
      id: 'immortality',
      kind: 'medical',
      terms: ['长生不老'],
      reason: { zh: '食品不得宣称延年益寿', en: 'Food may not promise longevity' },
      suggestion: { zh: '删除该说法', en: 'Remove the claim' },
    };
    const published = await admin.client.request('PUT', '/api/v1/admin/claim-rules', { rules: [...current.rules, added], note: '新增长生不老', baseVersion: 1 });
    expect(published.statusCode).toBe(201);
    expect(json(published).version).toBe(2);
    // A second admin still editing version 1 would undo the first one's change.
    const stale = await admin.client.request('PUT', '/api/v1/admin/claim-rules', { rules: current.rules, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('CLAIM_RULES_CHANGED');
    const result = json(await buyer.client.post('/api/v1/claims/check', { text }));
    expect(result.ruleSetVersion).toBe(2);
    expect(result.violations).toEqual([expect.objectContaining({ ruleId: 'immortality', text: '长生不老', start: 4, end: 8 })]);

    const versions = json(await admin.client.get('/api/v1/admin/claim-rules/versions')).items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(json(await admin.client.get('/api/v1/admin/claim-rules/versions/1')).rules).toHaveLength(defaultClaimRuleSet.rules.length);
  });

  it('refuses a rule list that would not compile, and keeps the current one', async () => {
    const before = json(await admin.client.get('/api/v1/admin/claim-rules'));
    const dup = before.rules[0];
    const res = await admin.client.request('PUT', '/api/v1/admin/claim-rules', { rules: [dup, { ...dup }] });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('VALIDATION_FAILED');
    expect(json(await admin.client.get('/api/v1/admin/claim-rules')).version).toBe(before.version);
  });

  it('can only be read or changed by admins', async () => {
    const seller = await createVerifiedSeller(t, admin);
    expect((await seller.client.get('/api/v1/admin/claim-rules')).statusCode).toBe(403);
    expect((await seller.client.request('PUT', '/api/v1/admin/claim-rules', { rules: [] })).statusCode).toBe(403);
  });
});

describe('notifications', () => {
  it('tell a seller when their certificate is reviewed', async () => {
    const seller = await createVerifiedSeller(t, admin);
    const cert = json(await seller.client.post('/api/v1/seller/certificates', organic));
    await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'reject', reason: '编号与扫描件不符' });
    let page: Record<string, any> = {};
    for (let i = 0; i < 50; i++) {
      page = json(await seller.client.get('/api/v1/me/notifications'));
      if (page.items.some((n: { kind: string }) => n.kind === 'certificate.rejected')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const note = page.items.find((n: { kind: string }) => n.kind === 'certificate.rejected');
    expect(note.text).toContain('编号与扫描件不符');
    expect(page.unread).toBeGreaterThan(0);
    await seller.client.post('/api/v1/me/notifications/read');
    expect(json(await seller.client.get('/api/v1/me/notifications')).unread).toBe(0);
  });
});
