import type { Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createVerifiedCoop,
  createVerifiedSeller,
  json,
  type TestApp,
  type TestClient,
} from '../../../../test/helpers/app';
import { seedDemoWorld } from '../../demo/seed-demo';
import { createRateLimiter } from '../../infra/rate-limit';
import { createAccountsService } from './accounts.service';
import { createAddressService } from './address.service';
import { createVerificationService } from './verification.service';
import { systemClock } from '../../infra/clock';
import { createMemoryBus } from '../../infra/bus/memory-bus';
import { createCoopService, type CoopService } from './coop.service';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let coops: CoopService;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  // The same service the catalog is given, on the app's database, to check what other modules will see.
  coops = createCoopService({ db: t.database.db, clock: systemClock, bus: createMemoryBus(t.app.log as Logger) });
});
afterAll(() => t.close());

async function notificationOf(client: TestClient, kind: string) {
  for (let i = 0; i < 50; i++) {
    const page = json(await client.get('/api/v1/me/notifications'));
    const note = page.items.find((n: { kind: string }) => n.kind === kind);
    if (note) return note as { text: string };
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

describe('co-op membership: the happy path', () => {
  it('invites a seller, who accepts, is managed by the co-op, and leaves again', async () => {
    const coop = await createVerifiedCoop(t, admin, '栀香湾栀子花茶专业合作社');
    const farmer = await createVerifiedSeller(t, admin, '桂花姐的栀子园');

    const invited = await coop.client.post('/api/v1/coop/members', { phone: farmer.phone });
    expect(invited.statusCode).toBe(201);
    expect(json(invited)).toMatchObject({
      memberId: farmer.user.id,
      shopName: '桂花姐的栀子园',
      maskedPhone: `${farmer.phone.slice(0, 3)}****${farmer.phone.slice(7)}`,
      status: 'invited',
      joinedAt: null,
    });
    expect(JSON.stringify(json(invited))).not.toContain(farmer.phone);
    expect(await coops.manages(coop.user.id, farmer.user.id)).toBe(false);

    const mine = json(await farmer.client.get('/api/v1/me/coops'));
    expect(mine).toMatchObject({
      invitations: [{ coopId: coop.user.id, coopName: '栀香湾栀子花茶专业合作社', status: 'invited' }],
      memberships: [],
    });
    expect((await notificationOf(farmer.client, 'coop.member_invited'))?.text).toContain('栀香湾栀子花茶专业合作社');

    const accepted = await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(json(accepted)).toMatchObject({ coopId: coop.user.id, status: 'active' });
    expect(json(accepted).joinedAt).toEqual(expect.any(String));
    // Accepting twice changes nothing.
    expect((await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/accept`)).statusCode).toBe(200);

    expect(await coops.manages(coop.user.id, farmer.user.id)).toBe(true);
    expect(await coops.activeMemberIds(coop.user.id)).toEqual([farmer.user.id]);
    expect(json(await coop.client.get('/api/v1/coop/members')).items).toMatchObject([{ memberId: farmer.user.id, status: 'active' }]);
    expect(json(await farmer.client.get('/api/v1/me/coops'))).toMatchObject({ invitations: [], memberships: [{ coopId: coop.user.id }] });
    expect((await notificationOf(coop.client, 'coop.member_joined'))?.text).toContain('桂花姐的栀子园');

    const left = await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/leave`);
    expect(left.statusCode).toBe(200);
    expect(await coops.manages(coop.user.id, farmer.user.id)).toBe(false);
    expect(await coops.activeMemberIds(coop.user.id)).toEqual([]);
    expect(json(await coop.client.get('/api/v1/coop/members')).items).toEqual([]);
    expect((await notificationOf(coop.client, 'coop.member_left'))?.text).toContain('退出');
  });

  it('lets a co-op withdraw an invitation and remove an active member', async () => {
    const coop = await createVerifiedCoop(t, admin, '青溪茶叶专业合作社');
    const first = await createVerifiedSeller(t, admin, '上坡茶园');
    const second = await createVerifiedSeller(t, admin, '下坡茶园');
    await coop.client.post('/api/v1/coop/members', { phone: first.phone });
    await coop.client.post('/api/v1/coop/members', { phone: second.phone });
    await second.client.post(`/api/v1/me/coops/${coop.user.id}/accept`);

    const list = json(await coop.client.get('/api/v1/coop/members')).items as Array<{ memberId: string; status: string }>;
    // Active members are listed before open invitations.
    expect(list.map((m) => [m.memberId, m.status])).toEqual([
      [second.user.id, 'active'],
      [first.user.id, 'invited'],
    ]);

    expect((await coop.client.delete(`/api/v1/coop/members/${first.user.id}`)).statusCode).toBe(200);
    expect(json(await first.client.get('/api/v1/me/coops')).invitations).toEqual([]);

    expect((await coop.client.delete(`/api/v1/coop/members/${second.user.id}`)).statusCode).toBe(200);
    expect(await coops.manages(coop.user.id, second.user.id)).toBe(false);
    expect((await notificationOf(second.client, 'coop.member_left'))?.text).toContain('青溪茶叶专业合作社');
  });

  it('lets a seller decline an invitation and then join another co-op', async () => {
    const coopA = await createVerifiedCoop(t, admin, '东村合作社');
    const coopB = await createVerifiedCoop(t, admin, '西村合作社');
    const farmer = await createVerifiedSeller(t, admin, '两边都想要的果园');
    await coopA.client.post('/api/v1/coop/members', { phone: farmer.phone });
    await coopB.client.post('/api/v1/coop/members', { phone: farmer.phone });
    expect(json(await farmer.client.get('/api/v1/me/coops')).invitations).toHaveLength(2);

    expect((await farmer.client.post(`/api/v1/me/coops/${coopA.user.id}/leave`)).statusCode).toBe(200);
    expect((await farmer.client.post(`/api/v1/me/coops/${coopB.user.id}/accept`)).statusCode).toBe(200);
    expect(json(await coopA.client.get('/api/v1/coop/members')).items).toEqual([]);
    expect(await coops.manages(coopB.user.id, farmer.user.id)).toBe(true);
  });
});

describe('the demo world', () => {
  it('has the gardenia farmer as an active member of the demo co-op, however often it is seeded', async () => {
    const log = t.app.log as Logger;
    const bus = createMemoryBus(log);
    const limiter = createRateLimiter({ name: 'demo-test', points: 100, durationSeconds: 60 });
    const db = t.database.db;
    const accounts = createAccountsService({
      db,
      clock: systemClock,
      bus,
      log,
      demo: true,
      sessionTtlDays: 1,
      loginLimits: { perPhone: limiter, perIp: limiter },
    });
    const deps = {
      accounts,
      verification: createVerificationService({ db, clock: systemClock, bus, appSecret: t.config.appSecret, accounts }),
      addresses: createAddressService({ db, clock: systemClock }),
      coops,
      log,
    };
    await seedDemoWorld(deps);
    await seedDemoWorld(deps);

    const coopId = (await accounts.findUserIdByPhone('13900000021'))!;
    const members = await coops.listMembers(coopId);
    expect(members).toMatchObject([{ displayName: '彭桂花', shopName: '桂花姐的栀子园', maskedPhone: '139****0022', status: 'active' }]);
  });
});
