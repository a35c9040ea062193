import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { OrderListQuery, OrderStatus, OrderView } from '../../../contracts/sales';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { ConflictError, DomainError, NotFoundError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { FlashSaleService } from './flash-sale.service';
import { canMove } from './order-status';
import type { OrderPayments, SalesActor, SalesPorts } from './sales.ports';
import { couponClaims, orderHistory, orderItems, orders } from './sales.tables';

type OrderRow = typeof orders.$inferSelect;

/** Every move of every order, for whoever follows orders (notifications, fulfilment). */
export const orderStatusChanged = 'order.status_changed';

/** An order was paid; rooms show it as "a buyer in Hunan just bought two boxes". */
export const orderPaid = 'order.paid';
export interface OrderPaid {
  orderId: string;
  sellerId: string;
  roomId: string | null;
  province: string;
  quantity: number;
  productTitle: string;
}

export type OrderService = ReturnType<typeof createOrderService>;

/** Orders after they are placed: who sees them, what may happen to them next, and their history. */
export function createOrderService(
  deps: { db: Db; clock: Clock; bus: Bus; log: Logger; flashSales: FlashSaleService; payments: OrderPayments } & Pick<SalesPorts, 'sellers' | 'catalog'>,
) {
  const { db, clock, bus, log, flashSales, sellers, catalog, payments } = deps;

  async function views(rows: OrderRow[]): Promise<OrderView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [items, history, names] = await Promise.all([
      db.select().from(orderItems).where(inArray(orderItems.orderId, ids)),
      db.select().from(orderHistory).where(inArray(orderHistory.orderId, ids)).orderBy(asc(orderHistory.id)),
      sellers.shopNames([...new Set(rows.map((r) => r.sellerId))]),
    ]);
    return rows.map((row) => ({
      id: row.id,
      buyerId: row.buyerId,
      sellerId: row.sellerId,
      sellerName: names.get(row.sellerId) ?? '',
      status: row.status as OrderStatus,
      items: items
        .filter((i) => i.orderId === row.id)
        .map(({ productId, skuId, title, skuName, priceFen, quantity }) => ({ productId, skuId, title, skuName, priceFen, quantity })),
      subtotalFen: row.subtotalFen,
      discountFen: row.discountFen,
      totalFen: row.totalFen,
      address: row.address,
      flashSaleId: row.flashSaleId,
      roomId: row.roomId,
      payBy: row.status === 'created' ? (row.payBy?.toISOString() ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      paidAt: row.paidAt?.toISOString() ?? null,
      history: history
        .filter((h) => h.orderId === row.id)
        .map((h) => ({ from: h.fromStatus as OrderStatus | null, to: h.toStatus as OrderStatus, at: h.at.toISOString(), by: h.by, note: h.note })),
    }));
  }

  async function find(id: string): Promise<OrderRow> {
    const [row] = await db.select().from(orders).where(eq(orders.id, id));
    if (!row) throw new NotFoundError('ORDER_NOT_FOUND');
    return row;
  }

  /** Moves an order if it is still where the caller saw it; the history row goes in the same transaction. */
  async function move(row: OrderRow, to: OrderStatus, by: string, note: string | null = null, extra: Partial<OrderRow> = {}): Promise<OrderRow> {
    const from = row.status as OrderStatus;
    if (!canMove(from, to)) throw new ConflictError('ORDER_STATUS_CONFLICT', { status: from });
    const now = clock.now();
    const moved = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(orders)
        .set({ status: to, updatedAt: now, ...extra })
        .where(and(eq(orders.id, row.id), eq(orders.status, from)))
        .returning();
      if (!updated) return undefined;
      await tx.insert(orderHistory).values({ id: newId('ohs'), orderId: row.id, fromStatus: from, toStatus: to, by, note, at: now });
      return updated;
    });
    if (!moved) throw new ConflictError('ORDER_STATUS_CONFLICT', { status: (await find(row.id)).status });
    await bus.publish(orderStatusChanged, { orderId: row.id, buyerId: row.buyerId, sellerId: row.sellerId, from, to });
    return moved;
  }

  /** A cancelled order's stock goes back where it came from, and its coupons back to the wallet. */
  async function giveBackUnits(rows: OrderRow[]) {
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    await payments.closePending(ids);
    const items = await db.select().from(orderItems).where(inArray(orderItems.orderId, ids));
    await db.update(couponClaims).set({ orderId: null }).where(inArray(couponClaims.orderId, ids));
    for (const row of rows.filter((r) => !r.flashSaleId)) {
      for (const item of items.filter((i) => i.orderId === row.id)) await catalog.returnStock(item.skuId, item.quantity);
    }
    const flash = rows.filter((r) => r.flashSaleId);
    if (!flash.length) return;
    await flashSales.returnUnits(
      flash.map((r) => ({
        saleId: r.flashSaleId!,
        buyerId: r.buyerId,
        quantity: items.filter((i) => i.orderId === r.id).reduce((sum, i) => sum + i.quantity, 0),
      })),
    );
  }

  return {
    async listMine(actor: SalesActor, query: OrderListQuery): Promise<OrderView[]> {
      const where = query.status ? and(eq(orders.buyerId, actor.userId), eq(orders.status, query.status)) : eq(orders.buyerId, actor.userId);
      return views(await db.select().from(orders).where(where).orderBy(desc(orders.id)).limit(query.limit ?? 30));
    },

    async mineByIds(actor: SalesActor, ids: string[]): Promise<OrderView[]> {
      const rows = await db.select().from(orders).where(and(eq(orders.buyerId, actor.userId), inArray(orders.id, ids)));
      return views(rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)));
    },

    async getMine(actor: SalesActor, id: string): Promise<OrderView> {
      const row = await find(id);
      if (row.buyerId !== actor.userId) throw new NotFoundError('ORDER_NOT_FOUND');
      return (await views([row]))[0]!;
    },

    async listForSeller(actor: SalesActor, query: OrderListQuery): Promise<OrderView[]> {
      const where = query.status ? and(eq(orders.sellerId, actor.userId), eq(orders.status, query.status)) : eq(orders.sellerId, actor.userId);
      return views(await db.select().from(orders).where(where).orderBy(desc(orders.id)).limit(query.limit ?? 30));
    },

    async cancel(actor: SalesActor, id: string): Promise<OrderView> {
      const row = await find(id);
      if (row.buyerId !== actor.userId) throw new NotFoundError('ORDER_NOT_FOUND');
      const cancelled = await move(row, 'cancelled', 'buyer');
      await giveBackUnits([cancelled]);
      return (await views([cancelled]))[0]!;
    },

    async sellerAct(actor: SalesActor, id: string, action: 'pack' | 'ship'): Promise<OrderView> {
      const row = await find(id);
      if (row.sellerId !== actor.userId) throw new NotFoundError('ORDER_NOT_FOUND');
      return (await views([await move(row, action === 'pack' ? 'packed' : 'shipped', 'seller')]))[0]!;
    },

    /** What a payment for these orders must charge; refuses orders that are not the buyer's or not payable now. */
    async payable(buyerId: string, orderIds: string[]): Promise<{ amountFen: number; subject: string; payBy?: Date }> {
      const rows = await db.select().from(orders).where(inArray(orders.id, orderIds));
      const now = clock.now();
      for (const id of orderIds) {
        const row = rows.find((r) => r.id === id);
        if (!row || row.buyerId !== buyerId) throw new NotFoundError('ORDER_NOT_FOUND');
        if (row.status !== 'created' || (row.payBy && row.payBy <= now)) throw new DomainError('ORDER_NOT_PAYABLE', 409, { id });
      }
      const items = await db.select().from(orderItems).where(inArray(orderItems.orderId, orderIds));
      const subject = items.map((i) => `${i.title} ×${i.quantity}`).join('、').slice(0, 120);
      const payBy = rows.flatMap((r) => (r.payBy ? [r.payBy] : [])).sort((a, b) => a.getTime() - b.getTime())[0];
      return { amountFen: rows.reduce((sum, r) => sum + r.totalFen, 0), subject, ...(payBy ? { payBy } : {}) };
    },

    /** The payment went through; a retried or duplicated notice changes nothing twice. */
    async markPaid(payment: { paymentId: string; orderIds: string[]; paidAt: string }) {
      for (const id of payment.orderIds) {
        const row = await find(id);
        if (row.status === 'cancelled') {
          // The buyer paid just as the order ran out of time: the money goes back, automatically.
          log.warn({ orderId: id, paymentId: payment.paymentId }, 'payment for a cancelled order; refunding');
          await payments.refund(
            { paymentId: payment.paymentId, orderId: id, amountFen: row.totalFen, reason: '订单已取消，自动退款 Order was cancelled; refunded automatically' },
            `sales-late:${payment.paymentId}:${id}`,
          );
          continue;
        }
        if (row.status !== 'created') continue;
        let paid: OrderRow;
        try {
          paid = await move(row, 'paid', 'payment', null, { paidAt: new Date(payment.paidAt), paymentId: payment.paymentId });
        } catch (err) {
          // Every node hears the payment; the one that got there first has done it.
          if (err instanceof ConflictError) continue;
          throw err;
        }
        const [item] = await db.select().from(orderItems).where(eq(orderItems.orderId, id));
        await bus.publish<OrderPaid>(orderPaid, {
          orderId: id,
          sellerId: paid.sellerId,
          roomId: paid.roomId,
          province: paid.address.province,
          quantity: item?.quantity ?? 0,
          productTitle: item?.title ?? '',
        });
      }
    },

    /** Orders not paid in time are cancelled and their units offered again. */
    async cancelUnpaid(): Promise<number> {
      const due = await db
        .select()
        .from(orders)
        .where(and(eq(orders.status, 'created'), lt(orders.payBy, clock.now())))
        .limit(500);
      const cancelled: OrderRow[] = [];
      for (const row of due) {
        try {
          cancelled.push(await move(row, 'cancelled', 'system', 'unpaid in time'));
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
        }
      }
      await giveBackUnits(cancelled);
      return cancelled.length;
    },
  };
}
