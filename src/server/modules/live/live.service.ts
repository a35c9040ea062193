import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../contracts/errors';
import type { LiveBody, LiveListQuery, LivePreflight, LiveView, RecordingView, SellerLiveView } from '../../../contracts/live';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { ConflictError, DomainError, NotFoundError, NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { LiveActor, LivePorts } from './live.ports';
import { lives, recordings } from './live.tables';
import { findNextLive } from './next-live';
import type { RoomService } from './room.service';

export type LiveRow = typeof lives.$inferSelect;
export type LiveService = ReturnType<typeof createLiveService>;

/** The texts a live shows or speaks; each passes the claims checker before the live may start. */
export const liveTexts = (live: Pick<LiveRow, 'title' | 'script'>) => ({ '/title': live.title, '/script': live.script });

/** Scheduled lives: what the anchor plans and what buyers browse. */
export function createLiveService(deps: { db: Db; clock: Clock; bus: Bus; rooms: RoomService } & LivePorts) {
  const { db, clock, bus, rooms, claims, storefront, files, sellers, media } = deps;

  const toRecordingView = (row: typeof recordings.$inferSelect): RecordingView => ({
    id: row.id,
    liveId: row.liveId,
    url: row.url,
    bytes: row.bytes,
    durationMs: row.durationMs,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  });

  async function views(rows: LiveRow[]): Promise<SellerLiveView[]> {
    const ids = rows.map((r) => r.id);
    const [names, covers, cards, recordingRows] = await Promise.all([
      sellers.shopNames(rows.map((r) => r.sellerId)),
      files.describe(rows.flatMap((r) => (r.coverId ? [r.coverId] : []))),
      storefront.cardsByIds([...new Set(rows.flatMap((r) => r.productIds))]),
      ids.length ? db.select().from(recordings).where(inArray(recordings.liveId, ids)).orderBy(asc(recordings.startedAt)) : [],
    ]);
    return rows.map((row) => ({
      id: row.id,
      roomId: row.roomId,
      sellerId: row.sellerId,
      sellerName: names.get(row.sellerId) ?? '',
      title: row.title,
      coverUrl: row.coverId ? (covers.get(row.coverId)?.url ?? null) : null,
      scheduledAt: row.scheduledAt.toISOString(),
      status: row.status as LiveView['status'],
      startedAt: row.startedAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
      // Products taken off sale since scheduling simply drop out of the bag.
      products: row.productIds.flatMap((id) => cards.get(id) ?? []),
      playback: row.status === 'live' ? media.playback(row.roomId) : null,
      viewers: row.status === 'live' ? media.viewers(row.roomId) : 0,
      recordings: recordingRows.filter((r) => r.liveId === row.id).map(toRecordingView),
      script: row.script,
      productIds: row.productIds,
      coverId: row.coverId,
    }));
  }

  const forBuyers = ({ script: _script, productIds: _ids, coverId: _cover, ...view }: SellerLiveView): LiveView => view;

  async function getOwned(actor: LiveActor, id: string): Promise<LiveRow> {
    const [row] = await db.select().from(lives).where(eq(lives.id, id));
    if (!row) throw new NotFoundError('LIVE_NOT_FOUND');
    if (row.sellerId !== actor.userId) throw new NotOwnerError();
    return row;
  }

  /** Refuses products that are not this seller's listings on sale. */
  async function assertSellable(sellerId: string, productIds: string[]) {
    const cards = await storefront.cardsByIds(productIds);
    const stranger = productIds.find((id) => cards.get(id)?.sellerId !== sellerId);
    if (stranger) throw new DomainError('LIVE_PRODUCT_NOT_USABLE', 422, { id: stranger }, [{ path: '/productIds', message: stranger }]);
  }

  async function vet(actor: LiveActor, body: LiveBody, keptCoverId: string | null, locale: Locale) {
    if (body.coverId && body.coverId !== keptCoverId) await files.assertUsable(actor.userId, [body.coverId], ['cover']);
    await assertSellable(actor.userId, body.productIds);
    await claims.assertAllowed({ sellerId: actor.userId }, liveTexts(body), locale);
  }

  return {
    async schedule(actor: LiveActor, body: LiveBody, locale: Locale): Promise<SellerLiveView> {
      await sellers.assertVerifiedSeller(actor);
      await vet(actor, body, null, locale);
      const room = await rooms.ensureRoom(actor.userId);
      const now = clock.now();
      const [row] = await db
        .insert(lives)
        .values({
          id: newId('liv'),
          roomId: room.id,
          sellerId: actor.userId,
          title: body.title.trim(),
          coverId: body.coverId ?? null,
          scheduledAt: new Date(body.scheduledAt),
          productIds: body.productIds,
          script: body.script,
          status: 'scheduled',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await bus.publish('live.scheduled', { liveId: row!.id, roomId: room.id, sellerId: actor.userId });
      return (await views([row!]))[0]!;
    },

    async update(actor: LiveActor, id: string, body: LiveBody, locale: Locale): Promise<SellerLiveView> {
      const row = await getOwned(actor, id);
      if (row.status !== 'scheduled') throw new ConflictError('LIVE_STATUS_CONFLICT', { status: row.status });
      await vet(actor, body, row.coverId, locale);
      const [updated] = await db
        .update(lives)
        .set({
          title: body.title.trim(),
          coverId: body.coverId ?? null,
          scheduledAt: new Date(body.scheduledAt),
          productIds: body.productIds,
          script: body.script,
          updatedAt: clock.now(),
        })
        .where(and(eq(lives.id, id), eq(lives.status, 'scheduled')))
        .returning();
      if (!updated) throw new ConflictError('LIVE_STATUS_CONFLICT', { status: 'live' });
      return (await views([updated]))[0]!;
    },

    async cancel(actor: LiveActor, id: string): Promise<SellerLiveView> {
      const row = await getOwned(actor, id);
      const [updated] = await db
        .update(lives)
        .set({ status: 'cancelled', updatedAt: clock.now() })
        .where(and(eq(lives.id, id), eq(lives.status, 'scheduled')))
        .returning();
      if (!updated) throw new ConflictError('LIVE_STATUS_CONFLICT', { status: row.status });
      await bus.publish('live.cancelled', { liveId: id, roomId: row.roomId, sellerId: row.sellerId });
      return (await views([updated]))[0]!;
    },

    /** What would stop the live from starting now: claims the rules or lapsed certificates no longer allow. */
    async preflight(actor: LiveActor, id: string): Promise<LivePreflight> {
      const row = await getOwned(actor, id);
      const violations = await claims.findViolations({ sellerId: row.sellerId }, liveTexts(row));
      return { ready: row.status === 'scheduled' && violations.length === 0, violations };
    },

    async getMine(actor: LiveActor, id: string): Promise<SellerLiveView> {
      return (await views([await getOwned(actor, id)]))[0]!;
    },

    async listMine(actor: LiveActor): Promise<SellerLiveView[]> {
      const rows = await db.select().from(lives).where(eq(lives.sellerId, actor.userId)).orderBy(desc(lives.scheduledAt)).limit(200);
      return views(rows);
    },

    async get(id: string): Promise<LiveView> {
      const [row] = await db.select().from(lives).where(eq(lives.id, id));
      if (!row || row.status === 'cancelled') throw new NotFoundError('LIVE_NOT_FOUND');
      return forBuyers((await views([row]))[0]!);
    },

    /** A live of this seller's, with what a flash sale in it needs. */
    async ownedLive(sellerId: string, liveId: string) {
      const [row] = await db
        .select({ id: lives.id, roomId: lives.roomId, status: lives.status, productIds: lives.productIds, sellerId: lives.sellerId })
        .from(lives)
        .where(eq(lives.id, liveId));
      return row && row.sellerId === sellerId ? row : undefined;
    },

    /** The live a room is about: the one on air, else the scheduled one nearest now. */
    async roomLive(roomId: string): Promise<Pick<LiveRow, 'id' | 'status' | 'productIds'> | undefined> {
      const [onAir] = await db
        .select({ id: lives.id, status: lives.status, productIds: lives.productIds })
        .from(lives)
        .where(and(eq(lives.roomId, roomId), eq(lives.status, 'live')));
      return onAir ?? (await findNextLive(db, roomId, clock.now()));
    },

    /** Live now first, then the next scheduled, then replays. */
    async list(query: LiveListQuery): Promise<LiveView[]> {
      const limit = query.limit ?? 20;
      const statuses = query.status ? [query.status] : ['live', 'scheduled'];
      const rows = await db
        .select()
        .from(lives)
        .where(inArray(lives.status, statuses))
        .orderBy(query.status === 'ended' ? desc(lives.endedAt) : asc(lives.scheduledAt))
        .limit(limit * 2);
      const order = (row: LiveRow) => (row.status === 'live' ? 0 : 1);
      const sorted = rows.sort((a, b) => order(a) - order(b)).slice(0, limit);
      return (await views(sorted)).map(forBuyers);
    },
  };
}
