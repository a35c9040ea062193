import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { CartView, CheckoutBody } from '../../../contracts/sales';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { DomainError, NotFoundError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { priceCheckout, type PricedLine } from './price-checkout';
import type { SalesActor, SalesPorts } from './sales.ports';
import { cartItems, checkouts, couponClaims, coupons, orderHistory, orderItems, orders } from './sales.tables';

export type CheckoutService = ReturnType<typeof createCheckoutService>;

/** The cart, and checkout: stock reserved, one order per shop, coupons spent, all or nothing. */
export function createCheckoutService(
  deps: { db: Db; clock: Clock; payWithinMs: number } & Pick<SalesPorts, 'catalog' | 'addresses' | 'sellers'>,
) {
  const { db, clock, catalog, addresses, sellers } = deps;

  async function line(skuId: string, quantity: number): Promise<PricedLine> {
    const facts = await catalog.skuFacts(skuId);
    if (!facts?.onSale) throw new DomainError('CART_ITEM_UNAVAILABLE', 422, { id: skuId });
    return { skuId, productId: facts.productId, sellerId: facts.sellerId, title: facts.title, skuName: facts.skuName, priceFen: facts.priceFen, quantity };
  }

  /** Takes stock for every line or for none. */
  async function reserve(lines: PricedLine[]) {
    const taken: PricedLine[] = [];
    for (const l of lines) {
      if (!(await catalog.takeStock(l.skuId, l.quantity))) {
        await release(taken);
        throw new DomainError('PRODUCT_OUT_OF_STOCK', 409, { name: `${l.title} ${l.skuName}` });
      }
      taken.push(l);
    }
  }
  const release = async (lines: PricedLine[]) => {
    for (const l of lines) await catalog.returnStock(l.skuId, l.quantity);
  };

  return {
    async cart(actor: SalesActor): Promise<CartView> {
      const rows = await db.select().from(cartItems).where(eq(cartItems.buyerId, actor.userId)).orderBy(cartItems.addedAt);
      const facts = await Promise.all(rows.map((r) => catalog.skuFacts(r.skuId)));
      const names = await sellers.shopNames([...new Set(facts.flatMap((f) => (f ? [f.sellerId] : [])))]);
      const items = rows.flatMap((row, i) => {
        const f = facts[i];
        if (!f) return [];
        return [{ ...f, sellerName: names.get(f.sellerId) ?? '', quantity: row.quantity, available: f.onSale }];
      });
      const totalFen = items.filter((i) => i.available).reduce((sum, i) => sum + i.priceFen * i.quantity, 0);
      return { items: items.map(({ onSale: _onSale, ...rest }) => rest), totalFen };
    },

    async setCartItem(actor: SalesActor, skuId: string, quantity: number): Promise<CartView> {
      if (quantity === 0) {
        await db.delete(cartItems).where(and(eq(cartItems.buyerId, actor.userId), eq(cartItems.skuId, skuId)));
      } else {
        await line(skuId, quantity);
        await db
          .insert(cartItems)
          .values({ buyerId: actor.userId, skuId, quantity, addedAt: clock.now() })
          .onConflictDoUpdate({ target: [cartItems.buyerId, cartItems.skuId], set: { quantity } });
      }
      return this.cart(actor);
    },

    /**
     * Places the orders; returns their ids. With an Idempotency-Key a retry returns the same orders,
     * and the same key with a different request is refused.
     */
    async checkout(actor: SalesActor, body: CheckoutBody, idempotencyKey: string | null): Promise<string[]> {
      const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const earlier = async () => {
        if (!idempotencyKey) return undefined;
        const [row] = await db
          .select()
          .from(checkouts)
          .where(and(eq(checkouts.buyerId, actor.userId), eq(checkouts.idempotencyKey, idempotencyKey)));
        if (row && row.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422);
        return row?.orderIds;
      };
      const repeated = await earlier();
      if (repeated) return repeated;

      const merged = new Map<string, number>();
      for (const item of body.items) merged.set(item.skuId, (merged.get(item.skuId) ?? 0) + item.quantity);
      const lines = await Promise.all([...merged].map(([skuId, quantity]) => line(skuId, quantity)));
      const address = (await addresses.snapshots([{ buyerId: actor.userId, addressId: body.addressId }])).get(`${actor.userId}:${body.addressId}`);
      if (!address) throw new NotFoundError('ADDRESS_NOT_FOUND');

      const now = clock.now();
      const couponIds = body.couponIds ?? [];
      const held = couponIds.length
        ? await db
            .select({ coupon: coupons })
            .from(couponClaims)
            .innerJoin(coupons, eq(coupons.id, couponClaims.couponId))
            .where(
              and(
                eq(couponClaims.buyerId, actor.userId),
                inArray(couponClaims.couponId, couponIds),
                isNull(couponClaims.orderId),
                lte(coupons.startsAt, now),
                gt(coupons.endsAt, now),
              ),
            )
        : [];
      const missing = couponIds.find((id) => !held.some((h) => h.coupon.id === id));
      if (missing) throw new DomainError('COUPON_NOT_USABLE', 422, { title: missing, threshold: '—' });
      const priced = priceCheckout(lines, held.map((h) => h.coupon));

      await reserve(lines);
      const payBy = new Date(now.getTime() + deps.payWithinMs);
      const made = priced.map((order) => ({ ...order, id: newId('ord') }));
      try {
        await db.transaction(async (tx) => {
          await tx.insert(orders).values(
            made.map((o) => ({
              id: o.id,
              buyerId: actor.userId,
              sellerId: o.sellerId,
              status: 'created',
              subtotalFen: o.subtotalFen,
              discountFen: o.discountFen,
              totalFen: o.subtotalFen - o.discountFen,
              address,
              payBy,
              createdAt: now,
              updatedAt: now,
            })),
          );
          await tx.insert(orderItems).values(
            made.flatMap((o) =>
              o.lines.map((l) => ({ orderId: o.id, skuId: l.skuId, productId: l.productId, title: l.title, skuName: l.skuName, priceFen: l.priceFen, quantity: l.quantity })),
            ),
          );
          await tx.insert(orderHistory).values(made.map((o) => ({ id: newId('ohs'), orderId: o.id, fromStatus: null, toStatus: 'created', by: 'buyer', note: null, at: now })));
          for (const o of made) {
            for (const couponId of o.couponIds) {
              // A platform coupon spread over several orders is recorded against the first.
              await tx
                .update(couponClaims)
                .set({ orderId: o.id })
                .where(and(eq(couponClaims.couponId, couponId), eq(couponClaims.buyerId, actor.userId), isNull(couponClaims.orderId)));
            }
          }
          if (idempotencyKey) {
            await tx.insert(checkouts).values({ id: newId('chk'), buyerId: actor.userId, idempotencyKey, requestHash, orderIds: made.map((o) => o.id), createdAt: now });
          }
          await tx.delete(cartItems).where(and(eq(cartItems.buyerId, actor.userId), inArray(cartItems.skuId, [...merged.keys()])));
        });
      } catch (err) {
        await release(lines);
        // Two tries with the same key at once: the other one made the orders.
        if (isUniqueViolation(err)) {
          const other = await earlier();
          if (other) return other;
        }
        throw err;
      }
      return made.map((o) => o.id);
    },
  };
}
