import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createVerifiedCoop,
  createVerifiedSeller,
  idNumber,
  json,
  registerUser,
  TestClient,
  type TestApp,
} from '../../../../test/helpers/app';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
});
afterAll(() => t.close());

const someId = 'usr_01JD0000000000000000000000';

describe('co-op membership: who may do what', () => {
  it('answers 401 to every co-op route without a session', async () => {
    const anon = new TestClient(t.app);
    const calls = [
      anon.post('/api/v1/coop/members', { phone: '13900000022' }),
      anon.get('/api/v1/coop/members'),
      anon.delete(`/api/v1/coop/members/${someId}`),
      anon.get('/api/v1/me/coops'),
      anon.post(`/api/v1/me/coops/${someId}/accept`),
      anon.post(`/api/v1/me/coops/${someId}/leave`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(401);
      expect(json(res).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses the co-op console routes to sellers and buyers without the coop role', async () => {
    const seller = await createVerifiedSeller(t, admin);
    const buyer = await registerUser(t.app);
    const victim = await createVerifiedSeller(t, admin);
    for (const who of [seller, buyer]) {
      const calls = [
        who.client.post('/api/v1/coop/members', { phone: victim.phone }),
        who.client.get('/api/v1/coop/members'),
        who.client.delete(`/api/v1/coop/members/${victim.user.id}`),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode).toBe(403);
        expect(json(res).error.code).toBe('FORBIDDEN');
      }
    }
    expect(json(await victim.client.get('/api/v1/me/coops')).invitations).toEqual([]);
  });

  it('refuses a pending co-op application: the role comes only with approval', async () => {
    const hopeful = await registerUser(t.app);
    await hopeful.client.post('/api/v1/me/verifications', {
      role: 'coop',
      organizationName: '还没批下来的合作社',
      legalName: '赵六',
      idNumber: idNumber('11010119900307451'),
    });
    expect(json(await hopeful.client.get('/api/v1/me')).verifications).toMatchObject([{ role: 'coop', status: 'pending' }]);
    expect((await hopeful.client.get('/api/v1/coop/members')).statusCode).toBe(403);
  });

  it("never lets co-op A see or remove co-op B's members", async () => {
    const coopA = await createVerifiedCoop(t, admin, '甲村合作社');
    const coopB = await createVerifiedCoop(t, admin, '乙村合作社');
    const member = await createVerifiedSeller(t, admin, '乙村社员');
    await coopB.client.post('/api/v1/coop/members', { phone: member.phone });
    await member.client.post(`/api/v1/me/coops/${coopB.user.id}/accept`);

    expect(json(await coopA.client.get('/api/v1/coop/members')).items).toEqual([]);
    const remove = await coopA.client.delete(`/api/v1/coop/members/${member.user.id}`);
    expect(remove.statusCode).toBe(404);
    expect(json(remove).error.code).toBe('COOP_MEMBER_NOT_FOUND');
    expect(json(await coopB.client.get('/api/v1/coop/members')).items).toMatchObject([{ memberId: member.user.id, status: 'active' }]);
  });

  it('lets only the invited seller accept or decline an invitation', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const invitee = await createVerifiedSeller(t, admin);
    const stranger = await createVerifiedSeller(t, admin);
    await coop.client.post('/api/v1/coop/members', { phone: invitee.phone });

    // The member routes act on the caller's own rows, so a stranger, or the co-op itself, finds nothing.
    for (const who of [stranger, coop]) {
      expect((await who.client.post(`/api/v1/me/coops/${coop.user.id}/accept`)).statusCode).toBe(404);
      expect((await who.client.post(`/api/v1/me/coops/${coop.user.id}/leave`)).statusCode).toBe(404);
      expect(json(await who.client.get('/api/v1/me/coops'))).toEqual({ invitations: [], memberships: [] });
    }
    expect(json(await coop.client.get('/api/v1/coop/members')).items).toMatchObject([{ memberId: invitee.user.id, status: 'invited' }]);
  });

  it("does not show a member's full mobile number to the co-op", async () => {
    const coop = await createVerifiedCoop(t, admin);
    const member = await createVerifiedSeller(t, admin);
    await coop.client.post('/api/v1/coop/members', { phone: member.phone });
    const body = (await coop.client.get('/api/v1/coop/members')).body;
    expect(body).not.toContain(member.phone);
    expect(body).toContain(`${member.phone.slice(0, 3)}****${member.phone.slice(7)}`);
  });
});
