import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  LotBody,
  LotDetail,
  LotEventBody,
  LotEventKind,
  LotEventView,
  LotFileView,
  LotUnit,
  LotView,
  PublicLotList,
  SellerLotListQuery,
  TraceView,
} from '../../../contracts/trace';
import type { ProductView } from '../../../contracts/catalog';
import { chinaDateOf } from '../../infra/china-time';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { ConflictError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { defaultLotCodePrefix, generateLotCode, normalizeLotCode } from './lot-code';
import {
  LotDateInFutureError,
  LotEventNotFoundError,
  LotNotFoundError,
  LotQuantityPrecisionError,
  LotReportsNeedInspectionError,
} from './trace.errors';
import type { StoredFile, TraceActor, TracePorts } from './trace.ports';
import { lotEvents, lots } from './trace.tables';

type LotRow = typeof lots.$inferSelect;
type EventRow = typeof lotEvents.$inferSelect;

/** A phone whose clock runs a little ahead must still be able to record what just happened. */
const clockSkewMs = 10 * 60_000;
const codeAttempts = 8;


/** An event as the service takes it: the HTTP schema fills the defaults, other callers (the demo seeder) may leave them out. */
export type LotEventInput = Pick<LotEventBody, 'kind' | 'occurredAt'> &
  Partial<Pick<LotEventBody, 'place' | 'who' | 'notes' | 'photoIds' | 'reportIds'>>;

export type LotService = ReturnType<typeof createLotService>;

/** Lots and their timelines: written by whoever may edit the product, read by anyone holding the code. */
export function createLotService(
  deps: { db: Db; clock: Clock; publicUrl: string; drawCode?: (prefix: string, harvestYear: number) => string } & TracePorts,
) {
  const { db, clock, products, storefront, files } = deps;
  const drawCode = deps.drawCode ?? generateLotCode;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');

  const linksOf = (code: string) => ({
    traceUrl: `${publicUrl}/trace/${code}`,
    qrSvg: `/api/v1/trace/${code}/qr.svg`,
    qrPng: `/api/v1/trace/${code}/qr.png`,
  });

  const liveEvents = (lotId: string) => and(eq(lotEvents.lotId, lotId), isNull(lotEvents.deletedAt));

  async function eventCounts(lotIds: string[]): Promise<Map<string, number>> {
    if (!lotIds.length) return new Map();
    const rows = await db
      .select({ lotId: lotEvents.lotId, count: count() })
      .from(lotEvents)
      .where(and(inArray(lotEvents.lotId, lotIds), isNull(lotEvents.deletedAt)))
      .groupBy(lotEvents.lotId);
    return new Map(rows.map((r) => [r.lotId, r.count]));
  }

  function toView(row: LotRow, events: number): LotView {
    return {
      id: row.id,
      code: row.code,
      productId: row.productId,
      sellerId: row.sellerId,
      harvestDate: row.harvestDate,
      quantity: Number(row.quantity),
      unit: row.unit as LotUnit,
      note: row.note,
      eventCount: events,
      links: linksOf(row.code),
      createdAt: row.createdAt.toISOString(),
    };
  }

  const fileView = (id: string, file: StoredFile): LotFileView => ({
    id,
    url: file.url,
    contentType: file.contentType,
    width: file.width,
    height: file.height,
  });

  async function eventViews(rows: EventRow[]): Promise<LotEventView[]> {
    const described = await files.describe(rows.flatMap((r) => [...r.photoIds, ...r.reportIds]));
    const pick = (ids: string[]) => ids.flatMap((id) => (described.has(id) ? [fileView(id, described.get(id)!)] : []));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as LotEventKind,
      occurredAt: row.occurredAt.toISOString(),
      place: row.place,
      who: row.who,
      notes: row.notes,
      photos: pick(row.photoIds),
      reports: pick(row.reportIds),
    }));
  }

  async function eventsOf(lotId: string): Promise<LotEventView[]> {
    const rows = await db.select().from(lotEvents).where(liveEvents(lotId)).orderBy(asc(lotEvents.occurredAt), asc(lotEvents.id));
    return eventViews(rows);
  }

  /** The lot, if the actor may edit its product; ownership follows the product, so a co-op manages its members' lots. */
  async function getEditableLot(actor: TraceActor, id: string): Promise<LotRow> {
    const [row] = await db.select().from(lots).where(eq(lots.id, id));
    if (!row) throw new LotNotFoundError();
    await products.getEditable(actor, row.productId);
    return row;
  }

  async function findByCode(input: string): Promise<LotRow | undefined> {
    const code = normalizeLotCode(input);
    if (!code) return undefined;
    const [row] = await db.select().from(lots).where(eq(lots.code, code));
    return row;
  }

  async function getByCode(input: string): Promise<LotRow> {
    const row = await findByCode(input);
    if (!row) throw new LotNotFoundError();
    return row;
  }

  function assertNotFuture(at: Date | string, path: string) {
    const now = clock.now();
    const late = typeof at === 'string' ? at > chinaDateOf(now) : at.getTime() > now.getTime() + clockSkewMs;
    if (late) throw new LotDateInFutureError(path);
  }

  async function insertWithFreshCode(values: Omit<typeof lots.$inferInsert, 'code'>, prefix: string, harvestYear: number): Promise<LotRow> {
    for (let attempt = 0; attempt < codeAttempts; attempt++) {
      const [row] = await db
        .insert(lots)
        .values({ ...values, code: drawCode(prefix, harvestYear) })
        .onConflictDoNothing({ target: lots.code })
        .returning();
      if (row) return row;
    }
    // Eight draws in a billion all taken means the generator is broken, not the seller's input.
    throw new Error(`no free lot code after ${codeAttempts} draws`);
  }

  return {
    /** What a lot's QR code encodes. */
    traceUrl: (code: string) => linksOf(code).traceUrl,

    async createLot(actor: TraceActor, body: LotBody): Promise<LotView> {
      const product = await products.getEditable(actor, body.productId);
      if (product.status === 'removed') throw new ConflictError('PRODUCT_REMOVED');
      assertNotFuture(body.harvestDate, '/harvestDate');
      if (Math.abs(Math.round(body.quantity * 100) - body.quantity * 100) > 1e-6) throw new LotQuantityPrecisionError();
      const row = await insertWithFreshCode(
        {
          id: newId('lot'),
          productId: product.id,
          sellerId: product.sellerId,
          harvestDate: body.harvestDate,
          quantity: body.quantity,
          unit: body.unit,
          note: body.note?.trim() ?? '',
          createdBy: actor.userId,
          createdAt: clock.now(),
        },
        body.codePrefix ?? defaultLotCodePrefix,
        Number(body.harvestDate.slice(0, 4)),
      );
      return toView(row, 0);
    },

    /** The caller's own lots, or one product's (which a co-op uses for a member's product). */
    async listLots(actor: TraceActor, query: SellerLotListQuery): Promise<LotView[]> {
      let condition;
      if (query.productId) {
        await products.getEditable(actor, query.productId);
        condition = eq(lots.productId, query.productId);
      } else {
        condition = eq(lots.sellerId, actor.userId);
      }
      const rows = await db.select().from(lots).where(condition).orderBy(desc(lots.harvestDate), desc(lots.id)).limit(500);
      const counts = await eventCounts(rows.map((r) => r.id));
      return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
    },

    async getLot(actor: TraceActor, id: string): Promise<LotDetail> {
      const row = await getEditableLot(actor, id);
      const events = await eventsOf(row.id);
      return { ...toView(row, events.length), events };
    },

    async addEvent(actor: TraceActor, lotId: string, body: LotEventInput): Promise<LotEventView> {
      const lot = await getEditableLot(actor, lotId);
      const occurredAt = new Date(body.occurredAt);
      assertNotFuture(occurredAt, '/occurredAt');
      const reportIds = body.reportIds ?? [];
      const photoIds = body.photoIds ?? [];
      if (reportIds.length && body.kind !== 'inspection') throw new LotReportsNeedInspectionError();
      // The uploader attaches: a co-op's staff attach the photos they took for a member's lot.
      await files.assertUsable(actor.userId, photoIds, ['lot_photo']);
      await files.assertUsable(actor.userId, reportIds, ['inspection_report']);
      const [row] = await db
        .insert(lotEvents)
        .values({
          id: newId('lev'),
          lotId: lot.id,
          kind: body.kind,
          occurredAt,
          place: body.place?.trim() ?? '',
          who: body.who?.trim() ?? '',
          notes: body.notes?.trim() ?? '',
          photoIds,
          reportIds,
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning();
      const [view] = await eventViews([row!]);
      return view!;
    },

    async deleteEvent(actor: TraceActor, lotId: string, eventId: string): Promise<void> {
      const lot = await getEditableLot(actor, lotId);
      const [row] = await db
        .update(lotEvents)
        .set({ deletedAt: clock.now(), deletedBy: actor.userId })
        .where(and(eq(lotEvents.id, eventId), liveEvents(lot.id)))
        .returning({ id: lotEvents.id });
      if (!row) throw new LotEventNotFoundError();
    },

    /** What a label sheet prints: the lot and its product as buyers will read it. */
    async labelData(actor: TraceActor, id: string): Promise<{ lot: LotView; product: ProductView }> {
      const row = await getEditableLot(actor, id);
      return { lot: toView(row, 0), product: await storefront.getForTrace(row.productId) };
    },

    /** The canonical code behind what was typed or scanned; LOT_NOT_FOUND when there is none. */
    async resolveCode(input: string): Promise<string> {
      return (await getByCode(input)).code;
    },

    /** The public record behind a code: anyone holding the parcel may read it, whatever the listing's state. */
    async trace(input: string): Promise<TraceView> {
      const row = await getByCode(input);
      const [product, events] = await Promise.all([storefront.getForTrace(row.productId), eventsOf(row.id)]);
      return {
        lot: {
          code: row.code,
          harvestDate: row.harvestDate,
          quantity: Number(row.quantity),
          unit: row.unit as LotUnit,
          note: row.note,
        },
        product: {
          id: product.id,
          title: product.title,
          category: product.category,
          sellerId: product.sellerId,
          sellerName: product.sellerName,
          coverUrl: product.images[0]?.url ?? null,
          origin: product.origin,
          certificates: product.certificates,
        },
        events,
        links: linksOf(row.code),
      };
    },

    /** Lots behind a product on sale, newest harvest first; a product off sale has no public lots. */
    async publicLots(productId: string): Promise<PublicLotList['items']> {
      await storefront.get(productId);
      return db
        .select({ code: lots.code, harvestDate: lots.harvestDate })
        .from(lots)
        .where(eq(lots.productId, productId))
        .orderBy(desc(lots.harvestDate), desc(lots.id))
        .limit(50);
    },
  };
}
