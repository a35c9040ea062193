import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { CouponBody, CouponView, MyCoupon } from '../../../contracts/sales';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { ConflictError, DomainError, NotFoundError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { SalesActor } from './sales.ports';
import { couponClaims, coupons } from './sales.tables';

type CouponRow = typeof coupons.$inferSelect;

export const toCouponView = (row: CouponRow): CouponView => ({
  id: row.id,
  sellerId: row.sellerId,
  title: row.title,
  thresholdFen: row.thresholdFen,
  discountFen: row.discountFen,
  total: row.total,
  claimed: row.claimed,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
});

export type CouponService = ReturnType<typeof createCouponService>;

/** 满减 coupons: shops and the platform issue them, buyers claim one each and spend it at checkout. */
export function createCouponService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** A seller issues a shop coupon; an admin (platform: true) one good in every shop. */
    async issue(actor: SalesActor, body: CouponBody, platform: boolean): Promise<CouponView> {
      if (body.discountFen >= body.thresholdFen || new Date(body.endsAt) <= new Date(body.startsAt)) {
        throw new DomainError('COUPON_INVALID', 422);
      }
      const [row] = await db
        .insert(coupons)
        .values({
          id: newId('cpn'),
          sellerId: platform ? null : actor.userId,
          title: body.title.trim(),
          thresholdFen: body.thresholdFen,
          discountFen: body.discountFen,
          total: body.total,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning();
      return toCouponView(row!);
    },

    /** Coupons a buyer can still claim now: a shop's, or the platform's when no shop is named. */
    async available(sellerId: string | undefined): Promise<CouponView[]> {
      const now = clock.now();
      const rows = await db
        .select()
        .from(coupons)
        .where(
          and(
            sellerId ? eq(coupons.sellerId, sellerId) : isNull(coupons.sellerId),
            lte(coupons.startsAt, now),
            gt(coupons.endsAt, now),
            sql`${coupons.claimed} < ${coupons.total}`,
          ),
        )
        .orderBy(desc(coupons.createdAt))
        .limit(50);
      return rows.map(toCouponView);
    },

    async claim(actor: SalesActor, couponId: string): Promise<CouponView> {
      const now = clock.now();
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .update(coupons)
            .set({ claimed: sql`${coupons.claimed} + 1` })
            .where(and(eq(coupons.id, couponId), lte(coupons.startsAt, now), gt(coupons.endsAt, now), sql`${coupons.claimed} < ${coupons.total}`))
            .returning();
          if (!row) {
            const [exists] = await tx.select({ id: coupons.id }).from(coupons).where(eq(coupons.id, couponId));
            throw exists ? new ConflictError('COUPON_GONE') : new NotFoundError('COUPON_NOT_FOUND');
          }
          await tx.insert(couponClaims).values({ couponId, buyerId: actor.userId, claimedAt: now });
          return toCouponView(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError('COUPON_ALREADY_CLAIMED');
        throw err;
      }
    },

    async mine(actor: SalesActor): Promise<MyCoupon[]> {
      const rows = await db
        .select({ coupon: coupons, orderId: couponClaims.orderId })
        .from(couponClaims)
        .innerJoin(coupons, eq(coupons.id, couponClaims.couponId))
        .where(eq(couponClaims.buyerId, actor.userId))
        .orderBy(desc(couponClaims.claimedAt));
      return rows.map((r) => ({ ...toCouponView(r.coupon), usedByOrderId: r.orderId }));
    },
  };
}
