import { and, asc, eq } from 'drizzle-orm';
import type { Locale } from '../../../contracts/errors';
import type {
  ModeratorView,
  PinnedProduct,
  RoomAccess,
  SanctionBody,
  SanctionView,
} from '../../../contracts/room';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { DomainError, NotFoundError } from '../../infra/errors';
import { plainLine } from './chat.service';
import type { RoomLog } from './room-log';
import type { RoomPolicy, RoomRules } from './room-policy';
import type { RoomActor, RoomPorts } from './room.ports';
import { roomModerators, roomSanctions } from './room.tables';

/** A user was muted, banned or let off in a room: every node tells that user's sockets. */
export const userSanctioned = 'room.user_sanctioned';
export type UserSanctioned =
  | { roomId: string; userId: string; kind: 'mute' | 'ban'; until: string | null }
  | { roomId: string; userId: string; kind: 'lifted' };

export type ModerationService = ReturnType<typeof createModerationService>;

/** What the anchor and the room moderators do: pins, notices, slow mode, mutes, bans, deletions. */
export function createModerationService(
  deps: { db: Db; clock: Clock; bus: Bus; roomLog: RoomLog; policy: RoomPolicy } & Omit<RoomPorts, 'chatScreen'>,
) {
  const { db, clock, bus, roomLog, policy, lives, storefront, lots, people, claims } = deps;

  const isAdmin = (actor: RoomActor) => actor.roles.includes('admin');

  /** The anchor, a moderator of this room, or an admin. */
  async function moderatorRules(actor: RoomActor, roomId: string): Promise<RoomRules> {
    const rules = await policy.rules(roomId);
    if (policy.roleOf(rules, actor.userId) === 'viewer' && !isAdmin(actor)) throw new DomainError('ROOM_NOT_MODERATOR', 403);
    return rules;
  }

  async function anchorRules(actor: RoomActor, roomId: string): Promise<RoomRules> {
    const rules = await policy.rules(roomId);
    if (actor.userId !== rules.sellerId && !isAdmin(actor)) throw new DomainError('NOT_OWNER', 403);
    return rules;
  }

  async function pinnedCard(roomId: string, productId: string): Promise<PinnedProduct> {
    const live = await lives.roomLive(roomId);
    if (!live?.productIds.includes(productId)) throw new DomainError('ROOM_PRODUCT_NOT_IN_LIVE', 422);
    const card = (await storefront.cardsByIds([productId])).get(productId);
    if (!card) throw new DomainError('ROOM_PRODUCT_NOT_IN_LIVE', 422);
    const [lot] = await lots.publicLots(productId);
    const { province, city, county } = card.origin;
    return {
      productId,
      title: card.title,
      coverUrl: card.coverUrl,
      minPriceFen: card.minPriceFen,
      certificateKinds: card.certificateKinds,
      lotCode: lot?.code ?? null,
      origin: [province, city, county].filter(Boolean).join(' '),
    };
  }

  return {
    async access(actor: RoomActor, roomId: string): Promise<RoomAccess> {
      const rules = await policy.rules(roomId);
      const isAnchor = actor.userId === rules.sellerId;
      return {
        roomId,
        sellerId: rules.sellerId,
        isAnchor,
        canModerate: isAnchor || isAdmin(actor) || rules.moderators.has(actor.userId),
      };
    },

    async pin(actor: RoomActor, roomId: string, productId: string) {
      await moderatorRules(actor, roomId);
      await roomLog.append(roomId, [{ type: 'pin', data: { product: await pinnedCard(roomId, productId) } }]);
    },

    async unpin(actor: RoomActor, roomId: string) {
      await moderatorRules(actor, roomId);
      await roomLog.append(roomId, [{ type: 'unpin', data: {} }]);
    },

    /** Announcements speak for the shop, so they pass the same claims check as its listings. */
    async announce(actor: RoomActor, roomId: string, text: string, locale: Locale) {
      const rules = await moderatorRules(actor, roomId);
      const clean = plainLine(text);
      if (!clean) throw new DomainError('CHAT_EMPTY', 422);
      await claims.assertAllowed({ sellerId: rules.sellerId }, { '/text': clean }, locale);
      await roomLog.append(roomId, [{ type: 'notice', data: { text: clean } }]);
    },

    async clearNotice(actor: RoomActor, roomId: string) {
      await moderatorRules(actor, roomId);
      await roomLog.append(roomId, [{ type: 'notice.cleared', data: {} }]);
    },

    async setSlowMode(actor: RoomActor, roomId: string, seconds: number) {
      await moderatorRules(actor, roomId);
      await roomLog.append(roomId, [{ type: 'slow_mode', data: { seconds } }]);
    },

    /** Takes a line out of every viewer's chat; the id is not checked, an unknown one removes nothing. */
    async deleteMessage(actor: RoomActor, roomId: string, messageId: string) {
      await moderatorRules(actor, roomId);
      await roomLog.append(roomId, [{ type: 'chat.deleted', data: { id: messageId } }]);
    },

    async sanction(actor: RoomActor, roomId: string, body: SanctionBody) {
      const rules = await moderatorRules(actor, roomId);
      if (policy.roleOf(rules, body.userId) !== 'viewer') throw new DomainError('ROOM_CANNOT_SANCTION', 422);
      if (!(await people.displayNames([body.userId])).has(body.userId)) throw new NotFoundError('USER_NOT_FOUND');
      // A mute without minutes lasts ten minutes; a ban without minutes lasts until lifted.
      const minutes = body.minutes ?? (body.kind === 'mute' ? 10 : undefined);
      const until = minutes ? new Date(clock.now().getTime() + minutes * 60_000) : null;
      const row = { kind: body.kind, until, reason: body.reason ?? null, createdBy: actor.userId, createdAt: clock.now() };
      await db
        .insert(roomSanctions)
        .values({ roomId, userId: body.userId, ...row })
        .onConflictDoUpdate({ target: [roomSanctions.roomId, roomSanctions.userId], set: row });
      await policy.changed(roomId);
      await bus.publish<UserSanctioned>(userSanctioned, {
        roomId,
        userId: body.userId,
        kind: body.kind,
        until: until?.toISOString() ?? null,
      });
    },

    async lift(actor: RoomActor, roomId: string, userId: string) {
      await moderatorRules(actor, roomId);
      await db.delete(roomSanctions).where(and(eq(roomSanctions.roomId, roomId), eq(roomSanctions.userId, userId)));
      await policy.changed(roomId);
      await bus.publish<UserSanctioned>(userSanctioned, { roomId, userId, kind: 'lifted' });
    },

    async listSanctions(actor: RoomActor, roomId: string): Promise<SanctionView[]> {
      await moderatorRules(actor, roomId);
      const rows = await db.select().from(roomSanctions).where(eq(roomSanctions.roomId, roomId)).orderBy(asc(roomSanctions.createdAt));
      const now = clock.now();
      const current = rows.filter((r) => !r.until || r.until > now);
      const names = await people.displayNames(current.map((r) => r.userId));
      return current.map((r) => ({
        userId: r.userId,
        name: names.get(r.userId) ?? '',
        kind: r.kind as SanctionView['kind'],
        until: r.until?.toISOString() ?? null,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    async appoint(actor: RoomActor, roomId: string, userId: string) {
      const rules = await anchorRules(actor, roomId);
      if (userId === rules.sellerId) throw new DomainError('ROOM_CANNOT_SANCTION', 422);
      if (!(await people.displayNames([userId])).has(userId)) throw new NotFoundError('USER_NOT_FOUND');
      await db
        .insert(roomModerators)
        .values({ roomId, userId, appointedBy: actor.userId, createdAt: clock.now() })
        .onConflictDoNothing();
      await policy.changed(roomId);
    },

    async dismiss(actor: RoomActor, roomId: string, userId: string) {
      await anchorRules(actor, roomId);
      await db.delete(roomModerators).where(and(eq(roomModerators.roomId, roomId), eq(roomModerators.userId, userId)));
      await policy.changed(roomId);
    },

    async listModerators(actor: RoomActor, roomId: string): Promise<ModeratorView[]> {
      await moderatorRules(actor, roomId);
      const rows = await db.select().from(roomModerators).where(eq(roomModerators.roomId, roomId)).orderBy(asc(roomModerators.createdAt));
      const names = await people.displayNames(rows.map((r) => r.userId));
      return rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', createdAt: r.createdAt.toISOString() }));
    },
  };
}
