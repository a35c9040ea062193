import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createVerifiedCoop,
  createVerifiedSeller,
  json,
  nextPhone,
  registerUser,
  type TestApp,
} from '../../../../test/helpers/app';
import { coopMembers } from './accounts.tables';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
});
afterAll(() => t.close());

const rowsOf = (memberId: string) => t.database.db.select().from(coopMembers).where(eq(coopMembers.memberId, memberId));

describe('co-op membership: bad requests get a clear 4xx and change nothing', () => {
  it('refuses to invite a buyer-only user or an unknown number with 422 COOP_INVITEE_NOT_SELLER', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const buyer = await registerUser(t.app, '只买不卖');
    for (const phone of [buyer.phone, nextPhone()]) {
      const res = await coop.client.post('/api/v1/coop/members', { phone });
      expect(res.statusCode).toBe(422);
      expect(json(res).error).toMatchObject({ code: 'COOP_INVITEE_NOT_SELLER', fields: [{ path: '/phone' }] });
      expect(json(res).error.message).toContain('卖家');
    }
    expect(await rowsOf(buyer.user.id)).toEqual([]);
    expect(json(await coop.client.get('/api/v1/coop/members')).items).toEqual([]);
  });

  it('refuses a co-op inviting itself, even when it also sells', async () => {
    const coop = await createVerifiedCoop(t, admin, '自产自销合作社');
    const res = await coop.client.post('/api/v1/coop/members', { phone: coop.phone });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('COOP_CANNOT_INVITE_SELF');
  });

  it('refuses a duplicate invitation, and inviting someone already a member, with 409 COOP_ALREADY_INVITED', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const farmer = await createVerifiedSeller(t, admin);
    expect((await coop.client.post('/api/v1/coop/members', { phone: farmer.phone })).statusCode).toBe(201);
    const again = await coop.client.post('/api/v1/coop/members', { phone: farmer.phone });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('COOP_ALREADY_INVITED');

    await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/accept`);
    const member = await coop.client.post('/api/v1/coop/members', { phone: farmer.phone });
    expect(member.statusCode).toBe(409);
    expect(json(member).error.code).toBe('COOP_ALREADY_INVITED');
    expect(await rowsOf(farmer.user.id)).toMatchObject([{ status: 'active' }]);
  });

  it('answers 404 COOP_INVITATION_NOT_FOUND to accepting an invitation that was never sent', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const farmer = await createVerifiedSeller(t, admin);
    const res = await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/accept`);
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('COOP_INVITATION_NOT_FOUND');
    const unknownCoop = await farmer.client.post('/api/v1/me/coops/usr_01JD0000000000000000000000/accept');
    expect(json(unknownCoop).error.code).toBe('COOP_INVITATION_NOT_FOUND');
    expect(await rowsOf(farmer.user.id)).toEqual([]);
  });

  it('answers 404 COOP_MEMBER_NOT_FOUND to leaving or removing what does not exist', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const farmer = await createVerifiedSeller(t, admin);
    const leave = await farmer.client.post(`/api/v1/me/coops/${coop.user.id}/leave`);
    expect(leave.statusCode).toBe(404);
    expect(json(leave).error.code).toBe('COOP_MEMBER_NOT_FOUND');
    const remove = await coop.client.delete(`/api/v1/coop/members/${farmer.user.id}`);
    expect(remove.statusCode).toBe(404);
    expect(json(remove).error.code).toBe('COOP_MEMBER_NOT_FOUND');
  });

  it('keeps a seller in one co-op at a time: accepting a second gives 409 naming the first', async () => {
    const first = await createVerifiedCoop(t, admin, '第一合作社');
    const second = await createVerifiedCoop(t, admin, '第二合作社');
    const farmer = await createVerifiedSeller(t, admin);
    await first.client.post('/api/v1/coop/members', { phone: farmer.phone });
    // Being in a co-op does not stop others inviting; it stops accepting.
    expect((await second.client.post('/api/v1/coop/members', { phone: farmer.phone })).statusCode).toBe(201);
    await farmer.client.post(`/api/v1/me/coops/${first.user.id}/accept`);

    const res = await farmer.client.post(`/api/v1/me/coops/${second.user.id}/accept`, {}, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('COOP_ALREADY_MEMBER');
    expect(json(res).error.message).toContain('第一合作社');
    expect(json(res).error.message).toContain('one co-op at a time');
    const rows = await rowsOf(farmer.user.id);
    expect(rows.find((r) => r.coopId === first.user.id)?.status).toBe('active');
    expect(rows.find((r) => r.coopId === second.user.id)?.status).toBe('invited');
  });

  it('lets only one of two simultaneous acceptances win', async () => {
    const coopA = await createVerifiedCoop(t, admin, '抢人合作社甲');
    const coopB = await createVerifiedCoop(t, admin, '抢人合作社乙');
    const farmer = await createVerifiedSeller(t, admin);
    await coopA.client.post('/api/v1/coop/members', { phone: farmer.phone });
    await coopB.client.post('/api/v1/coop/members', { phone: farmer.phone });
    const results = await Promise.all([
      farmer.client.post(`/api/v1/me/coops/${coopA.user.id}/accept`),
      farmer.client.post(`/api/v1/me/coops/${coopB.user.id}/accept`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await rowsOf(farmer.user.id)).filter((r) => r.status === 'active')).toHaveLength(1);
  });

  it('has the database refuse a second active membership even if the service were bypassed', async () => {
    const coopA = await createVerifiedCoop(t, admin);
    const coopB = await createVerifiedCoop(t, admin);
    const farmer = await createVerifiedSeller(t, admin);
    const now = new Date();
    await t.database.db.insert(coopMembers).values({ coopId: coopA.user.id, memberId: farmer.user.id, status: 'active', invitedAt: now, joinedAt: now });
    await expect(
      t.database.db.insert(coopMembers).values({ coopId: coopB.user.id, memberId: farmer.user.id, status: 'active', invitedAt: now, joinedAt: now }),
    ).rejects.toThrow();
    await expect(
      t.database.db.insert(coopMembers).values({ coopId: farmer.user.id, memberId: farmer.user.id, status: 'invited', invitedAt: now }),
    ).rejects.toThrow();
    const rows = await t.database.db
      .select()
      .from(coopMembers)
      .where(and(eq(coopMembers.memberId, farmer.user.id), eq(coopMembers.status, 'active')));
    expect(rows).toHaveLength(1);
  });

  it('validates the phone and the ids before touching anything', async () => {
    const coop = await createVerifiedCoop(t, admin);
    const badPhone = await coop.client.post('/api/v1/coop/members', { phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(json(badPhone).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: '/phone' }] });
    const extra = await coop.client.post('/api/v1/coop/members', { phone: nextPhone(), role: 'admin' });
    expect(extra.statusCode).toBe(400);
    expect((await coop.client.delete('/api/v1/coop/members/not-an-id')).statusCode).toBe(400);
    expect((await coop.client.post("/api/v1/me/coops/x'or'1/accept")).statusCode).toBe(400);
  });
});
