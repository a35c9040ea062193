import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CoopMemberStatus, CoopMemberView, MyCoops, MyCoopView } from '../../../contracts/coop';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import {
  CoopAlreadyInvitedError,
  CoopAlreadyMemberError,
  CoopCannotInviteSelfError,
  CoopInvitationNotFoundError,
  CoopInviteeNotSellerError,
  CoopMemberNotFoundError,
} from './accounts.errors';
import { coopMembers, userRoles, users, verifications } from './accounts.tables';

export interface CoopDeps {
  db: Db;
  clock: Clock;
  bus: Bus;
}

export type CoopService = ReturnType<typeof createCoopService>;

type MemberRow = typeof coopMembers.$inferSelect;

const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****');

/**
 * Co-operative membership: a co-op invites verified sellers by mobile number, a seller accepts,
 * and from then on the co-op may manage that seller's products (other modules ask `manages`).
 * Events carry `userId` = the person to tell, which is how the notifications module reads them.
 */
export function createCoopService(deps: CoopDeps) {
  const { db, clock, bus } = deps;

  /** The name people know an account by in a role: its approved verification, else its display name. */
  async function namesIn(role: 'coop' | 'seller', userIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (!userIds.length) return names;
    const ids = [...new Set(userIds)];
    const verified = await db
      .select({ userId: verifications.userId, name: verifications.organizationName })
      .from(verifications)
      .where(and(inArray(verifications.userId, ids), eq(verifications.role, role), eq(verifications.status, 'approved')))
      .orderBy(asc(verifications.id));
    // Ascending, so the latest approval wins when someone was verified twice.
    for (const row of verified) names.set(row.userId, row.name);
    return names;
  }

  async function displayNames(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(userIds)]));
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  async function coopName(coopId: string): Promise<string> {
    const [verified, plain] = await Promise.all([namesIn('coop', [coopId]), displayNames([coopId])]);
    return verified.get(coopId) ?? plain.get(coopId) ?? coopId;
  }

  async function memberName(memberId: string): Promise<string> {
    const [shop, plain] = await Promise.all([namesIn('seller', [memberId]), displayNames([memberId])]);
    return shop.get(memberId) ?? plain.get(memberId) ?? memberId;
  }

  async function activeCoopOf(memberId: string, tx: Db = db): Promise<string | undefined> {
    const [row] = await tx
      .select({ coopId: coopMembers.coopId })
      .from(coopMembers)
      .where(and(eq(coopMembers.memberId, memberId), eq(coopMembers.status, 'active')));
    return row?.coopId;
  }

  async function toMyCoopViews(rows: MemberRow[]): Promise<MyCoopView[]> {
    const ids = rows.map((r) => r.coopId);
    const [verified, plain] = await Promise.all([namesIn('coop', ids), displayNames(ids)]);
    return rows.map((row) => ({
      coopId: row.coopId,
      coopName: verified.get(row.coopId) ?? plain.get(row.coopId) ?? row.coopId,
      status: row.status as CoopMemberStatus,
      invitedAt: row.invitedAt.toISOString(),
      joinedAt: row.joinedAt?.toISOString() ?? null,
    }));
  }

  async function memberViews(coopId: string, onlyMemberId?: string): Promise<CoopMemberView[]> {
    const rows = await db
      .select({
        memberId: coopMembers.memberId,
        status: coopMembers.status,
        invitedAt: coopMembers.invitedAt,
        joinedAt: coopMembers.joinedAt,
        displayName: users.displayName,
        phone: users.phone,
      })
      .from(coopMembers)
      .innerJoin(users, eq(users.id, coopMembers.memberId))
      .where(and(eq(coopMembers.coopId, coopId), onlyMemberId ? eq(coopMembers.memberId, onlyMemberId) : undefined))
      // Active members first, then invitations, newest first within each.
      .orderBy(asc(coopMembers.status), desc(coopMembers.invitedAt), asc(coopMembers.memberId));
    const shops = await namesIn('seller', rows.map((r) => r.memberId));
    return rows.map((row) => ({
      memberId: row.memberId,
      displayName: row.displayName,
      shopName: shops.get(row.memberId) ?? null,
      maskedPhone: maskPhone(row.phone),
      status: row.status as CoopMemberStatus,
      invitedAt: row.invitedAt.toISOString(),
      joinedAt: row.joinedAt?.toISOString() ?? null,
    }));
  }


  /** Deletes the row; leaving an active membership tells the other side, declining an invitation tells no one. */
  async function endMembership(coopId: string, memberId: string, by: 'coop' | 'member'): Promise<void> {
    const [removed] = await db
      .delete(coopMembers)
      .where(and(eq(coopMembers.coopId, coopId), eq(coopMembers.memberId, memberId)))
      .returning();
    if (!removed) throw new CoopMemberNotFoundError();
    if (removed.status !== 'active') return;
    await bus.publish('coop.member_left', {
      coopId,
      memberId,
      by,
      coopName: await coopName(coopId),
      memberName: await memberName(memberId),
      userId: by === 'coop' ? memberId : coopId,
    });
  }
  return {
    /** Invites a verified seller by mobile number; whether they are already in another co-op is settled on accepting. */
    async invite(coopId: string, memberPhone: string): Promise<CoopMemberView> {
      const [invitee] = await db.select({ id: users.id }).from(users).where(eq(users.phone, memberPhone));
      if (invitee?.id === coopId) throw new CoopCannotInviteSelfError();
      // An unknown number and a buyer-only account get the same answer: the form tells a co-op whether a
      // number is a seller's, never whether it is registered at all.
      const isSeller =
        invitee &&
        (await db
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(and(eq(userRoles.userId, invitee.id), eq(userRoles.role, 'seller')))).length > 0;
      if (!invitee || !isSeller) throw new CoopInviteeNotSellerError();

      try {
        await db.insert(coopMembers).values({ coopId, memberId: invitee.id, status: 'invited', invitedAt: clock.now() });
      } catch (err) {
        if (isUniqueViolation(err)) throw new CoopAlreadyInvitedError();
        throw err;
      }
      await bus.publish('coop.member_invited', {
        coopId,
        memberId: invitee.id,
        coopName: await coopName(coopId),
        userId: invitee.id,
      });
      const [view] = await memberViews(coopId, invitee.id);
      return view!;
    },

    /** Every member and open invitation of the co-op; a co-op has tens of members, not thousands, so no paging. */
    listMembers: (coopId: string) => memberViews(coopId),

    /** Ends a membership or withdraws an invitation; another co-op's member is simply not found. */
    remove: (coopId: string, memberId: string) => endMembership(coopId, memberId, 'coop'),

    async listMyInvitations(memberId: string): Promise<MyCoopView[]> {
      const rows = await db
        .select()
        .from(coopMembers)
        .where(and(eq(coopMembers.memberId, memberId), eq(coopMembers.status, 'invited')))
        .orderBy(desc(coopMembers.invitedAt));
      return toMyCoopViews(rows);
    },

    async listMyCoops(memberId: string): Promise<MyCoopView[]> {
      const rows = await db
        .select()
        .from(coopMembers)
        .where(and(eq(coopMembers.memberId, memberId), eq(coopMembers.status, 'active')));
      return toMyCoopViews(rows);
    },

    /** Invitations and memberships in one read, for the seller's "me" page. */
    async mine(memberId: string): Promise<MyCoops> {
      const rows = await db
        .select()
        .from(coopMembers)
        .where(eq(coopMembers.memberId, memberId))
        .orderBy(desc(coopMembers.invitedAt));
      const views = await toMyCoopViews(rows);
      return {
        invitations: views.filter((v) => v.status === 'invited'),
        memberships: views.filter((v) => v.status === 'active'),
      };
    },

    /**
     * Accepting twice is harmless. The partial unique index on active memberships has the final
     * word: if two acceptances race, the loser gets the same 409 as the check before it.
     */
    async accept(memberId: string, coopId: string): Promise<MyCoopView> {
      const [existing] = await db
        .select()
        .from(coopMembers)
        .where(and(eq(coopMembers.coopId, coopId), eq(coopMembers.memberId, memberId)));
      if (!existing) throw new CoopInvitationNotFoundError();
      if (existing.status === 'active') return (await toMyCoopViews([existing]))[0]!;

      const current = await activeCoopOf(memberId);
      if (current) throw new CoopAlreadyMemberError(await coopName(current));
      let row: MemberRow | undefined;
      try {
        [row] = await db
          .update(coopMembers)
          .set({ status: 'active', joinedAt: clock.now() })
          .where(and(eq(coopMembers.coopId, coopId), eq(coopMembers.memberId, memberId), eq(coopMembers.status, 'invited')))
          .returning();
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const winner = await activeCoopOf(memberId);
        throw new CoopAlreadyMemberError(winner ? await coopName(winner) : '');
      }
      // Withdrawn between the read and the update.
      if (!row) throw new CoopInvitationNotFoundError();
      await bus.publish('coop.member_joined', {
        coopId,
        memberId,
        memberName: await memberName(memberId),
        userId: coopId,
      });
      return (await toMyCoopViews([row]))[0]!;
    },

    /** Leaves a co-op, or declines its invitation. */
    leave: (memberId: string, coopId: string) => endMembership(coopId, memberId, 'member'),

    /** Whether the co-op may act on this seller's behalf (e.g. edit their products): active members only. */
    async manages(coopId: string, sellerId: string): Promise<boolean> {
      const [row] = await db
        .select({ memberId: coopMembers.memberId })
        .from(coopMembers)
        .where(and(eq(coopMembers.coopId, coopId), eq(coopMembers.memberId, sellerId), eq(coopMembers.status, 'active')));
      return row !== undefined;
    },

    async activeMemberIds(coopId: string): Promise<string[]> {
      const rows = await db
        .select({ memberId: coopMembers.memberId })
        .from(coopMembers)
        .where(and(eq(coopMembers.coopId, coopId), eq(coopMembers.status, 'active')))
        .orderBy(asc(coopMembers.memberId));
      return rows.map((r) => r.memberId);
    },
  };
}
