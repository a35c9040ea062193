import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import {
  CartItemBody,
  CartView,
  CheckoutBody,
  CheckoutResult,
  CouponBody,
  CouponList,
  CouponQuery,
  CouponView,
  IdempotencyHeaders,
  MyCouponList,
  SkuParams,
} from '../../../contracts/sales';
import { requireActor } from '../../infra/http/auth';
import type { CheckoutService } from './checkout.service';
import type { CouponService } from './coupon.service';
import type { OrderService } from './order.service';

const errors = { '4xx': ErrorBody };
const tags = ['sales'];

/** The cart, checkout and coupons. */
export const checkoutRoutes: FastifyPluginAsyncTypebox<{ checkout: CheckoutService; coupons: CouponService; orders: OrderService }> = async (
  app,
  { checkout, coupons, orders },
) => {
  app.get('/cart', { schema: { tags, summary: '购物车 Cart', response: { 200: CartView, ...errors } } }, async (req) => checkout.cart(requireActor(req)));
  app.put(
    '/cart/items/:skuId',
    { schema: { tags, summary: '加入或修改购物车 Set a cart line (0 removes it)', params: SkuParams, body: CartItemBody, response: { 200: CartView, ...errors } } },
    async (req) => checkout.setCartItem(requireActor(req), req.params.skuId, req.body.quantity),
  );
  app.post(
    '/checkout',
    {
      schema: {
        tags,
        summary: '下单 Check out: one order per shop (send an Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: CheckoutBody,
        response: { 201: CheckoutResult, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const ids = await checkout.checkout(actor, req.body, req.headers['idempotency-key'] ?? null);
      return reply.status(201).send({ orders: await orders.mineByIds(actor, ids) });
    },
  );

  app.post(
    '/seller/coupons',
    { config: { roles: ['seller'] }, schema: { tags, summary: '发店铺券 Issue a shop coupon', body: CouponBody, response: { 201: CouponView, ...errors } } },
    async (req, reply) => reply.status(201).send(await coupons.issue(requireActor(req), req.body, false)),
  );
  app.post(
    '/admin/coupons',
    { config: { roles: ['admin'] }, schema: { tags, summary: '发平台券 Issue a platform coupon', body: CouponBody, response: { 201: CouponView, ...errors } } },
    async (req, reply) => reply.status(201).send(await coupons.issue(requireActor(req), req.body, true)),
  );
  app.get(
    '/coupons',
    { config: { public: true }, schema: { tags, summary: '可领的券 Coupons to claim (a shop’s, or the platform’s)', querystring: CouponQuery, response: { 200: CouponList, ...errors } } },
    async (req) => ({ items: await coupons.available(req.query.sellerId) }),
  );
  app.post(
    '/coupons/:id/claim',
    { schema: { tags, summary: '领券 Claim', params: IdParams, response: { 200: CouponView, ...errors } } },
    async (req) => coupons.claim(requireActor(req), req.params.id),
  );
  app.get(
    '/me/coupons',
    { schema: { tags, summary: '我的券 My coupons', response: { 200: MyCouponList, ...errors } } },
    async (req) => ({ items: await coupons.mine(requireActor(req)) }),
  );
};
