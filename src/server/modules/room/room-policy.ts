import { eq } from 'drizzle-orm';
import type { ChatRole, SanctionKind } from '../../../contracts/room';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { NotFoundError } from '../../infra/errors';
import type { RoomPorts } from './room.ports';
import { roomModerators, roomSanctions } from './room.tables';

export interface Sanction {
  kind: SanctionKind;
  until: Date | null;
}

export interface RoomRules {
  roomId: string;
  sellerId: string;
  moderators: ReadonlySet<string>;
  sanctions: ReadonlyMap<string, Sanction>;
}

/** Any node that changes a room's moderators or sanctions says so; every node drops its copy. */
export const rulesChanged = 'room.rules_changed';
// A lost bus message costs at most this long of stale rules.
const refreshAfterMs = 60_000;

export type RoomPolicy = ReturnType<typeof createRoomPolicy>;

/**
 * Who may speak in a room and with what standing, cached per node: a chat line must not cost a
 * database round trip, and the rules change rarely.
 */
export function createRoomPolicy(deps: { db: Db; clock: Clock; bus: Bus } & Pick<RoomPorts, 'rooms'>) {
  const { db, clock, bus, rooms } = deps;
  const cache = new Map<string, { rules: Promise<RoomRules>; loadedAt: number }>();

  async function load(roomId: string): Promise<RoomRules> {
    const room = await rooms.findById(roomId);
    if (!room) throw new NotFoundError('ROOM_NOT_FOUND');
    const [moderators, sanctions] = await Promise.all([
      db.select({ userId: roomModerators.userId }).from(roomModerators).where(eq(roomModerators.roomId, roomId)),
      db.select().from(roomSanctions).where(eq(roomSanctions.roomId, roomId)),
    ]);
    return {
      roomId,
      sellerId: room.sellerId,
      moderators: new Set(moderators.map((m) => m.userId)),
      sanctions: new Map(sanctions.map((s) => [s.userId, { kind: s.kind as SanctionKind, until: s.until }])),
    };
  }

  bus.subscribe(rulesChanged, (event) => {
    cache.delete((event.data as { roomId: string }).roomId);
  });

  return {
    /** Refuses with ROOM_NOT_FOUND for a room that does not exist. */
    async rules(roomId: string): Promise<RoomRules> {
      const now = Date.now();
      const hit = cache.get(roomId);
      if (hit && now - hit.loadedAt < refreshAfterMs) return hit.rules;
      const rules = load(roomId);
      cache.set(roomId, { rules, loadedAt: now });
      rules.catch(() => cache.delete(roomId));
      return rules;
    },

    roleOf(rules: RoomRules, userId: string): ChatRole {
      if (userId === rules.sellerId) return 'anchor';
      return rules.moderators.has(userId) ? 'moderator' : 'viewer';
    },

    /** The sanction in force now, if any; an expired one is as good as none. */
    sanctionOf(rules: RoomRules, userId: string): Sanction | undefined {
      const sanction = rules.sanctions.get(userId);
      if (!sanction || (sanction.until && sanction.until <= clock.now())) return undefined;
      return sanction;
    },

    async changed(roomId: string) {
      cache.delete(roomId);
      await bus.publish(rulesChanged, { roomId });
    },
  };
}
