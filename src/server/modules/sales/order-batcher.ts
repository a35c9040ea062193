import { inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ShippingAddress } from '../../../contracts/sales';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { constraintOf } from '../../infra/db/pg-errors';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { SalesPorts } from './sales.ports';
import { flashSaleBuyers, flashSales, orderHistory, orderItems, orders } from './sales.tables';

export interface Purchase {
  saleId: string;
  buyerId: string;
  quantity: number;
  addressId: string;
  idempotencyKey: string | null;
}

export interface Placed {
  orderId: string;
  payBy: Date;
  totalFen: number;
  /** The order an earlier try with the same key made; its units were not taken twice. */
  repeated: boolean;
}

interface Waiting {
  purchase: Purchase;
  resolve(placed: Placed): void;
  reject(err: unknown): void;
}

type SaleRow = typeof flashSales.$inferSelect;

/**
 * Group commit for flash-sale orders: purchases the gate let through wait in a queue, and each
 * transaction writes every order waiting (up to `maxBatch`), the sales' `remaining` and each
 * buyer's units at once. A buyer is answered only after the transaction holding its order has
 * committed. While one batch commits the next one gathers, so the batch grows with the load.
 */
export function createOrderBatcher(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  addresses: SalesPorts['addresses'];
  payWithinMs: number;
  maxBatch?: number;
  /** Called with the units of purchases that did not become orders, so the gate can offer them again. */
  released(purchase: Purchase): void;
}) {
  const { db, clock, log, addresses, payWithinMs, released } = deps;
  const maxBatch = deps.maxBatch ?? 1000;
  let queue: Waiting[] = [];
  let flushing: Promise<void> | undefined;

  async function write(batch: Waiting[], sales: Map<string, SaleRow>, addressOf: Map<string, ShippingAddress>) {
    const now = clock.now();
    const payBy = new Date(now.getTime() + payWithinMs);
    const rows = batch.map(({ purchase }) => {
      const sale = sales.get(purchase.saleId)!;
      const totalFen = sale.priceFen * purchase.quantity;
      return {
        purchase,
        sale,
        order: {
          id: newId('ord'),
          buyerId: purchase.buyerId,
          sellerId: sale.sellerId,
          status: 'created',
          subtotalFen: totalFen,
          discountFen: 0,
          totalFen,
          address: addressOf.get(`${purchase.buyerId}:${purchase.addressId}`)!,
          flashSaleId: sale.id,
          roomId: sale.roomId,
          idempotencyKey: purchase.idempotencyKey,
          payBy,
          createdAt: now,
          updatedAt: now,
        },
      };
    });
    return db.transaction(async (tx) => {
      const inserted = await tx
        .insert(orders)
        .values(rows.map((r) => r.order))
        .onConflictDoNothing({ target: [orders.buyerId, orders.idempotencyKey] })
        .returning({ id: orders.id });
      const made = new Set(inserted.map((r) => r.id));
      const fresh = rows.filter((r) => made.has(r.order.id));
      if (fresh.length) {
        await tx.insert(orderItems).values(
          fresh.map(({ order, sale, purchase }) => ({
            orderId: order.id,
            skuId: sale.skuId,
            productId: sale.productId,
            title: sale.title,
            skuName: sale.skuName,
            priceFen: sale.priceFen,
            quantity: purchase.quantity,
          })),
        );
        await tx.insert(orderHistory).values(
          fresh.map(({ order }) => ({ id: newId('ohs'), orderId: order.id, fromStatus: null, toStatus: 'created', by: 'buyer', note: null, at: now })),
        );
        const perSale = new Map<string, number>();
        const perBuyer = new Map<string, { saleId: string; buyerId: string; quantity: number; perBuyerLimit: number }>();
        for (const { purchase, sale } of fresh) {
          perSale.set(sale.id, (perSale.get(sale.id) ?? 0) + purchase.quantity);
          const key = `${sale.id}:${purchase.buyerId}`;
          const held = perBuyer.get(key) ?? { saleId: sale.id, buyerId: purchase.buyerId, quantity: 0, perBuyerLimit: sale.perBuyerLimit };
          held.quantity += purchase.quantity;
          perBuyer.set(key, held);
        }
        for (const [saleId, units] of perSale) {
          const updated = await tx
            .update(flashSales)
            .set({ remaining: sql`${flashSales.remaining} - ${units}` })
            .where(sql`${flashSales.id} = ${saleId} and ${flashSales.status} = 'running'`)
            .returning({ id: flashSales.id });
          if (!updated.length) throw new DomainError('FLASH_SALE_NOT_RUNNING', 409);
        }
        await tx
          .insert(flashSaleBuyers)
          .values([...perBuyer.values()])
          .onConflictDoUpdate({
            target: [flashSaleBuyers.saleId, flashSaleBuyers.buyerId],
            set: { quantity: sql`${flashSaleBuyers.quantity} + excluded.quantity` },
          });
      }
      return { rows, made };
    });
  }

  /** Answers each waiting buyer from a committed batch; repeats get the order their first try made. */
  async function settle(batch: Waiting[], result: Awaited<ReturnType<typeof write>>) {
    const repeats = result.rows.filter((r) => !result.made.has(r.order.id));
    const earlier = repeats.length
      ? await db
          .select({
            id: orders.id,
            buyerId: orders.buyerId,
            key: orders.idempotencyKey,
            saleId: orders.flashSaleId,
            payBy: orders.payBy,
            totalFen: orders.totalFen,
          })
          .from(orders)
          .where(inArray(orders.idempotencyKey, repeats.map((r) => r.purchase.idempotencyKey!)))
      : [];
    result.rows.forEach((row, i) => {
      const waiting = batch[i]!;
      if (result.made.has(row.order.id)) {
        return waiting.resolve({ orderId: row.order.id, payBy: row.order.payBy, totalFen: row.order.totalFen, repeated: false });
      }
      released(row.purchase);
      const first = earlier.find((e) => e.buyerId === row.purchase.buyerId && e.key === row.purchase.idempotencyKey);
      if (!first) return waiting.reject(new DomainError('INTERNAL', 500));
      if (first.saleId !== row.purchase.saleId || first.totalFen !== row.order.totalFen) {
        return waiting.reject(new DomainError('IDEMPOTENCY_KEY_REUSED', 422));
      }
      waiting.resolve({ orderId: first.id, payBy: first.payBy!, totalFen: first.totalFen, repeated: true });
    });
  }

  async function commit(batch: Waiting[]) {
    const saleIds = [...new Set(batch.map((w) => w.purchase.saleId))];
    const [saleRows, addressOf] = await Promise.all([
      db.select().from(flashSales).where(inArray(flashSales.id, saleIds)),
      addresses.snapshots(batch.map((w) => ({ buyerId: w.purchase.buyerId, addressId: w.purchase.addressId }))),
    ]);
    const sales = new Map(saleRows.map((s) => [s.id, s]));
    const valid: Waiting[] = [];
    for (const waiting of batch) {
      const { purchase } = waiting;
      if (!addressOf.has(`${purchase.buyerId}:${purchase.addressId}`)) {
        released(purchase);
        waiting.reject(new DomainError('ADDRESS_NOT_FOUND', 404));
      } else if (!sales.has(purchase.saleId)) {
        released(purchase);
        waiting.reject(new DomainError('FLASH_SALE_NOT_FOUND', 404));
      } else valid.push(waiting);
    }
    if (!valid.length) return;
    try {
      await settle(valid, await write(valid, sales, addressOf));
    } catch (err) {
      if (valid.length === 1) {
        released(valid[0]!.purchase);
        valid[0]!.reject(refusalOf(err));
        return;
      }
      // One bad purchase (a gate that drifted, a sale that just ended) must not sink the others.
      log.warn({ err, size: valid.length }, 'order batch failed; committing one by one');
      for (const waiting of valid) await commit([waiting]);
    }
  }

  async function drain() {
    while (queue.length) {
      // PGlite answers without real I/O, so awaited queries never yield to the event loop; a
      // macrotask here lets waiting requests be read and queued, or every batch holds one order.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await commit(batch);
      } catch (err) {
        log.error({ err }, 'order batch could not be written');
        for (const waiting of batch) {
          released(waiting.purchase);
          waiting.reject(err);
        }
      }
    }
    flushing = undefined;
  }

  return {
    submit(purchase: Purchase): Promise<Placed> {
      return new Promise<Placed>((resolve, reject) => {
        queue.push({ purchase, resolve, reject });
        flushing ??= Promise.resolve().then(drain);
      });
    },

    /** Resolves when everything submitted so far is answered. */
    async idle() {
      while (flushing) await flushing;
    },
  };
}

/** The database refused the order: a check that the gate should have made first. */
function refusalOf(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const constraint = constraintOf(err);
  if (constraint === 'flash_sales_remaining') return new DomainError('FLASH_SALE_SOLD_OUT', 409);
  if (constraint === 'flash_sale_buyers_limit') return new DomainError('FLASH_SALE_LIMIT', 409);
  return err;
}
