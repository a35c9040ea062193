import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { RoomView, StreamKeyView } from '../../../contracts/live';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { newId } from '../../infra/ids';
import type { LiveActor, LivePorts } from './live.ports';
import { lives, rooms } from './live.tables';
import { findNextLive } from './next-live';

export type RoomRow = typeof rooms.$inferSelect;
export type RoomService = ReturnType<typeof createRoomService>;

const hashKey = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A seller's room and its stream key: shown once, stored as a hash, rotated at will. */
export function createRoomService(deps: { db: Db; clock: Clock } & Pick<LivePorts, 'sellers' | 'media'>) {
  const { db, clock, sellers, media } = deps;

  async function ensureRoom(sellerId: string): Promise<RoomRow> {
    await db.insert(rooms).values({ id: newId('rom'), sellerId, createdAt: clock.now() }).onConflictDoNothing({ target: rooms.sellerId });
    const [row] = await db.select().from(rooms).where(eq(rooms.sellerId, sellerId));
    return row!;
  }

  async function toView(row: RoomRow): Promise<RoomView> {
    const [live] = await db
      .select({ id: lives.id })
      .from(lives)
      .where(and(eq(lives.roomId, row.id), eq(lives.status, 'live')));
    return {
      id: row.id,
      sellerId: row.sellerId,
      sellerName: (await sellers.shopNames([row.sellerId])).get(row.sellerId) ?? '',
      streamKeyHint: row.streamKeyHint,
      streamKeyCreatedAt: row.streamKeyCreatedAt?.toISOString() ?? null,
      ingest: { server: media.ingestServer, streamName: row.id },
      isLive: live !== undefined,
      nextLiveId: (await findNextLive(db, row.id, clock.now()))?.id ?? null,
    };
  }

  return {
    ensureRoom,

    async getMine(actor: LiveActor): Promise<RoomView> {
      await sellers.assertVerifiedSeller(actor);
      return toView(await ensureRoom(actor.userId));
    },

    /** A new key replaces the old one at once and drops a publisher still using it. */
    async rotateKey(actor: LiveActor): Promise<StreamKeyView> {
      await sellers.assertVerifiedSeller(actor);
      const room = await ensureRoom(actor.userId);
      const secret = randomBytes(18).toString('base64url');
      await db
        .update(rooms)
        .set({ streamKeyHash: hashKey(secret), streamKeyHint: secret.slice(-4), streamKeyCreatedAt: clock.now() })
        .where(eq(rooms.id, room.id));
      media.kick(room.id);
      const streamKey = `${room.id}?key=${secret}`;
      return { server: media.ingestServer, streamKey, url: `${media.ingestServer}/${streamKey}` };
    },

    /** Constant-time comparison, so the key cannot be guessed a character at a time. */
    keyMatches(room: RoomRow, secret: string | undefined): boolean {
      if (!room.streamKeyHash || !secret) return false;
      return timingSafeEqual(Buffer.from(hashKey(secret), 'hex'), Buffer.from(room.streamKeyHash, 'hex'));
    },

    async findById(id: string): Promise<RoomRow | undefined> {
      const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
      return row;
    },
  };
}
