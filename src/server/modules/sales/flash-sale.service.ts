import { and, eq, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { SaleState } from '../../../contracts/room';
import type { FlashBuyBody, FlashBuyResult, FlashSaleBody, FlashSaleView } from '../../../contracts/sales';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { ConflictError, DomainError, NotFoundError, NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { createOrderBatcher, type Purchase } from './order-batcher';
import type { SaleGate } from './sale-gate';
import type { SalesActor, SalesPorts } from './sales.ports';
import { flashSaleBuyers, flashSales } from './sales.tables';

type SaleRow = typeof flashSales.$inferSelect;

/** Bus events rooms turn into sale.started / sale.tick / sale.sold_out / sale.ended. */
export const flashSaleEvents = {
  started: 'flash_sale.started',
  ticked: 'flash_sale.ticked',
  soldOut: 'flash_sale.sold_out',
  ended: 'flash_sale.ended',
} as const;
export interface FlashSaleEvent {
  roomId: string;
  state: SaleState;
}

export type FlashSaleService = ReturnType<typeof createFlashSaleService>;

/**
 * Flash sales in a live room: set up by the seller with units taken out of the SKU's stock,
 * started by the anchor, sold through the gate and the group-committed order batcher.
 */
export function createFlashSaleService(
  deps: { db: Db; clock: Clock; bus: Bus; log: Logger; gate: SaleGate; payWithinMs: number } & Pick<SalesPorts, 'catalog' | 'lives' | 'addresses'>,
) {
  const { db, clock, bus, log, gate, catalog, lives } = deps;
  const opening = new Map<string, Promise<void>>();
  const tickers = new Map<string, NodeJS.Timeout>();

  const batcher = createOrderBatcher({
    db,
    clock,
    log,
    addresses: deps.addresses,
    payWithinMs: deps.payWithinMs,
    released: (p: Purchase) => void gate.give(p.saleId, p.buyerId, p.quantity).catch((err: unknown) => log.warn({ err }, 'gate give failed')),
  });

  const toView = (row: SaleRow): FlashSaleView => ({
    id: row.id,
    sellerId: row.sellerId,
    liveId: row.liveId,
    roomId: row.roomId,
    productId: row.productId,
    skuId: row.skuId,
    title: row.title,
    priceFen: row.priceFen,
    quantity: row.quantity,
    remaining: row.remaining,
    perBuyerLimit: row.perBuyerLimit,
    durationSeconds: row.durationSeconds,
    status: row.status as FlashSaleView['status'],
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
  });

  const stateOf = (row: SaleRow, remaining: number): SaleState => ({
    saleId: row.id,
    productId: row.productId,
    title: row.title,
    priceFen: row.priceFen,
    quantity: row.quantity,
    remaining,
    perBuyerLimit: row.perBuyerLimit,
    startsAt: row.startsAt?.toISOString() ?? '',
    endsAt: row.endsAt?.toISOString() ?? '',
    soldOut: remaining === 0,
  });

  async function find(id: string): Promise<SaleRow> {
    const [row] = await db.select().from(flashSales).where(eq(flashSales.id, id));
    if (!row) throw new NotFoundError('FLASH_SALE_NOT_FOUND');
    return row;
  }

  async function owned(actor: SalesActor, id: string): Promise<SaleRow> {
    const row = await find(id);
    if (row.sellerId !== actor.userId) throw new NotOwnerError();
    return row;
  }

  /** Each node opens a running sale in its gate once, from the database's figures. */
  function ensureOpen(row: SaleRow): Promise<void> {
    if (gate.isOpen(row.id)) return Promise.resolve();
    let pending = opening.get(row.id);
    if (!pending) {
      pending = (async () => {
        const held = await db.select().from(flashSaleBuyers).where(eq(flashSaleBuyers.saleId, row.id));
        const [fresh] = await db.select({ remaining: flashSales.remaining }).from(flashSales).where(eq(flashSales.id, row.id));
        await gate.open({
          saleId: row.id,
          remaining: fresh?.remaining ?? 0,
          perBuyerLimit: row.perBuyerLimit,
          held: new Map(held.map((h) => [h.buyerId, h.quantity])),
        });
      })().finally(() => opening.delete(row.id));
      opening.set(row.id, pending);
    }
    return pending;
  }

  // Running sales are looked up on every attempt; a short cache keeps that off the database.
  const running = new Map<string, { row: SaleRow; at: number }>();
  async function runningSale(id: string): Promise<SaleRow> {
    const hit = running.get(id);
    if (hit && Date.now() - hit.at < 1_000) return hit.row;
    const row = await find(id);
    running.set(id, { row, at: Date.now() });
    return row;
  }

  function startTicker(row: SaleRow) {
    let lastRemaining = -1;
    const timer = setInterval(() => {
      void (async () => {
        const remaining = await gate.remaining(row.id);
        if (remaining === lastRemaining) return;
        const soldOut = remaining === 0;
        await bus.publish<FlashSaleEvent>(soldOut ? flashSaleEvents.soldOut : flashSaleEvents.ticked, {
          roomId: row.roomId,
          state: stateOf(row, remaining),
        });
        lastRemaining = remaining;
      })().catch((err: unknown) => log.warn({ err, saleId: row.id }, 'flash sale tick failed'));
      if (row.endsAt && clock.now() >= row.endsAt) void end(row.id).catch((err: unknown) => log.warn({ err }, 'flash sale end failed'));
    }, 1_000);
    timer.unref();
    tickers.set(row.id, timer);
  }

  async function end(id: string): Promise<SaleRow> {
    clearInterval(tickers.get(id));
    tickers.delete(id);
    const [row] = await db
      .update(flashSales)
      .set({ status: 'ended' })
      .where(and(eq(flashSales.id, id), eq(flashSales.status, 'running')))
      .returning();
    if (!row) return find(id);
    gate.close(id);
    running.delete(id);
    // Units nobody bought go back to the SKU for ordinary orders.
    if (row.remaining > 0) await catalog.returnStock(row.skuId, row.remaining);
    await bus.publish<FlashSaleEvent>(flashSaleEvents.ended, { roomId: row.roomId, state: stateOf(row, row.remaining) });
    return row;
  }

  return {
    async create(actor: SalesActor, body: FlashSaleBody): Promise<FlashSaleView> {
      const live = await lives.ownedLive(actor.userId, body.liveId);
      if (!live) throw new NotFoundError('LIVE_NOT_FOUND');
      if (live.status === 'ended' || live.status === 'cancelled') throw new ConflictError('LIVE_STATUS_CONFLICT', { status: live.status });
      const sku = await catalog.skuFacts(body.skuId);
      if (!sku || sku.sellerId !== actor.userId || !sku.onSale || !live.productIds.includes(sku.productId)) {
        throw new DomainError('FLASH_SALE_SKU_NOT_IN_LIVE', 422);
      }
      if (!(await catalog.takeStock(body.skuId, body.quantity))) throw new DomainError('FLASH_SALE_NOT_ENOUGH_STOCK', 422, { stock: 0 });
      try {
        const [row] = await db
          .insert(flashSales)
          .values({
            id: newId('fls'),
            sellerId: actor.userId,
            liveId: live.id,
            roomId: live.roomId,
            productId: sku.productId,
            skuId: sku.skuId,
            title: sku.title,
            skuName: sku.skuName,
            priceFen: body.priceFen,
            quantity: body.quantity,
            remaining: body.quantity,
            perBuyerLimit: body.perBuyerLimit,
            durationSeconds: body.durationSeconds,
            createdAt: clock.now(),
          })
          .returning();
        return toView(row!);
      } catch (err) {
        await catalog.returnStock(body.skuId, body.quantity);
        throw err;
      }
    },

    async start(actor: SalesActor, id: string): Promise<FlashSaleView> {
      const row = await owned(actor, id);
      if (row.status !== 'ready') throw new ConflictError('FLASH_SALE_STATUS_CONFLICT', { status: row.status });
      const now = clock.now();
      const [started] = await db
        .update(flashSales)
        .set({ status: 'running', startsAt: now, endsAt: new Date(now.getTime() + row.durationSeconds * 1000) })
        .where(and(eq(flashSales.id, id), eq(flashSales.status, 'ready')))
        .returning();
      if (!started) throw new ConflictError('FLASH_SALE_STATUS_CONFLICT', { status: 'running' });
      await ensureOpen(started);
      startTicker(started);
      await bus.publish<FlashSaleEvent>(flashSaleEvents.started, { roomId: started.roomId, state: stateOf(started, started.remaining) });
      return toView(started);
    },

    async stop(actor: SalesActor, id: string): Promise<FlashSaleView> {
      const row = await owned(actor, id);
      if (row.status !== 'running') throw new ConflictError('FLASH_SALE_STATUS_CONFLICT', { status: row.status });
      return toView(await end(id));
    },

    async get(id: string): Promise<FlashSaleView> {
      return toView(await find(id));
    },

    async listForLive(actor: SalesActor, liveId: string): Promise<FlashSaleView[]> {
      const rows = await db.select().from(flashSales).where(and(eq(flashSales.liveId, liveId), eq(flashSales.sellerId, actor.userId)));
      return rows.map(toView);
    },

    /**
     * One tap in the room. Sold-out and over-limit answers come from the gate alone; an accepted
     * purchase is answered once its order is in a committed batch.
     */
    async buy(actor: SalesActor, id: string, body: FlashBuyBody, idempotencyKey: string | null): Promise<FlashBuyResult & { repeated: boolean }> {
      const row = await runningSale(id);
      if (row.status !== 'running' || (row.endsAt && clock.now() >= row.endsAt)) throw new ConflictError('FLASH_SALE_NOT_RUNNING');
      if (body.quantity > row.perBuyerLimit) throw new DomainError('FLASH_SALE_LIMIT', 409, { limit: row.perBuyerLimit });
      await ensureOpen(row);
      const answer = await gate.take(id, actor.userId, body.quantity);
      if (answer === 'sold_out') throw new DomainError('FLASH_SALE_SOLD_OUT', 409);
      if (answer === 'limit') throw new DomainError('FLASH_SALE_LIMIT', 409, { limit: row.perBuyerLimit });
      const placed = await batcher.submit({ saleId: id, buyerId: actor.userId, quantity: body.quantity, addressId: body.addressId, idempotencyKey });
      return { orderId: placed.orderId, payBy: placed.payBy.toISOString(), totalFen: placed.totalFen, repeated: placed.repeated };
    },

    /** Units of flash-sale orders that were never paid go back to the sale (and to its buyers' allowance). */
    async returnUnits(items: Array<{ saleId: string; buyerId: string; quantity: number }>) {
      for (const item of items) {
        const ended = await db.transaction(async (tx) => {
          const [sale] = await tx
            .update(flashSales)
            .set({ remaining: sql`${flashSales.remaining} + ${item.quantity}` })
            .where(and(eq(flashSales.id, item.saleId), eq(flashSales.status, 'running')))
            .returning({ id: flashSales.id });
          await tx
            .update(flashSaleBuyers)
            .set({ quantity: sql`${flashSaleBuyers.quantity} - ${item.quantity}` })
            .where(and(eq(flashSaleBuyers.saleId, item.saleId), eq(flashSaleBuyers.buyerId, item.buyerId)));
          return !sale;
        });
        // After the sale, returned units belong to the SKU's ordinary stock.
        if (ended) await catalog.returnStock((await find(item.saleId)).skuId, item.quantity);
        else await gate.give(item.saleId, item.buyerId, item.quantity);
      }
    },

    /** Ends sales whose time is up, whichever node started them (that node may have died). */
    async endExpired() {
      const due = await db
        .select({ id: flashSales.id })
        .from(flashSales)
        .where(and(eq(flashSales.status, 'running'), lt(flashSales.endsAt, clock.now())));
      for (const { id } of due) await end(id);
    },

    idle: () => batcher.idle(),

    stopTickers() {
      for (const timer of tickers.values()) clearInterval(timer);
      tickers.clear();
    },
  };
}
