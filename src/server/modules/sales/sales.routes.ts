import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import {
  FlashBuyBody,
  FlashBuyResult,
  FlashSaleBody,
  FlashSaleList,
  FlashSaleView,
  IdempotencyHeaders,
  OrderList,
  OrderListQuery,
  OrderView,
  SellerOrderAction,
} from '../../../contracts/sales';
import { requireActor } from '../../infra/http/auth';
import type { FlashSaleService } from './flash-sale.service';
import type { OrderService } from './order.service';

const errors = { '4xx': ErrorBody };
const seller = { roles: ['seller'] as Array<'seller'> };
const tags = ['sales'];

export const salesRoutes: FastifyPluginAsyncTypebox<{ flashSales: FlashSaleService; orders: OrderService }> = async (
  app,
  { flashSales, orders },
) => {
  app.post(
    '/seller/flash-sales',
    { config: seller, schema: { tags, summary: '设置秒杀 Set up a flash sale', body: FlashSaleBody, response: { 201: FlashSaleView, ...errors } } },
    async (req, reply) => reply.status(201).send(await flashSales.create(requireActor(req), req.body)),
  );
  app.get(
    '/seller/lives/:id/flash-sales',
    { config: seller, schema: { tags, summary: '本场秒杀 Flash sales of a live', params: IdParams, response: { 200: FlashSaleList, ...errors } } },
    async (req) => ({ items: await flashSales.listForLive(requireActor(req), req.params.id) }),
  );
  app.post(
    '/seller/flash-sales/:id/start',
    { config: seller, schema: { tags, summary: '开抢 Start', params: IdParams, response: { 200: FlashSaleView, ...errors } } },
    async (req) => flashSales.start(requireActor(req), req.params.id),
  );
  app.post(
    '/seller/flash-sales/:id/stop',
    { config: seller, schema: { tags, summary: '结束秒杀 Stop', params: IdParams, response: { 200: FlashSaleView, ...errors } } },
    async (req) => flashSales.stop(requireActor(req), req.params.id),
  );
  app.get(
    '/flash-sales/:id',
    { config: { public: true }, schema: { tags, params: IdParams, response: { 200: FlashSaleView, ...errors } } },
    async (req) => flashSales.get(req.params.id),
  );
  app.post(
    '/flash-sales/:id/orders',
    {
      schema: {
        tags,
        summary: '抢购 Buy in one tap (send an Idempotency-Key; a retry gets the first answer)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: FlashBuyBody,
        response: { 200: FlashBuyResult, 201: FlashBuyResult, ...errors },
      },
    },
    async (req, reply) => {
      const { repeated, ...placed } = await flashSales.buy(requireActor(req), req.params.id, req.body, req.headers['idempotency-key'] ?? null);
      return reply.status(repeated ? 200 : 201).send(placed);
    },
  );

  app.get(
    '/orders',
    { schema: { tags, summary: '我的订单 My orders', querystring: OrderListQuery, response: { 200: OrderList, ...errors } } },
    async (req) => ({ items: await orders.listMine(requireActor(req), req.query) }),
  );
  app.get(
    '/orders/:id',
    { schema: { tags, params: IdParams, response: { 200: OrderView, ...errors } } },
    async (req) => orders.getMine(requireActor(req), req.params.id),
  );
  app.post(
    '/orders/:id/cancel',
    { schema: { tags, summary: '取消未付款订单 Cancel an unpaid order', params: IdParams, response: { 200: OrderView, ...errors } } },
    async (req) => orders.cancel(requireActor(req), req.params.id),
  );
  app.get(
    '/seller/orders',
    { config: seller, schema: { tags, summary: '店铺订单 Orders of my shop', querystring: OrderListQuery, response: { 200: OrderList, ...errors } } },
    async (req) => ({ items: await orders.listForSeller(requireActor(req), req.query) }),
  );
  app.post(
    '/seller/orders/:id/actions',
    { config: seller, schema: { tags, summary: '打包、发货 Pack or ship', params: IdParams, body: SellerOrderAction, response: { 200: OrderView, ...errors } } },
    async (req) => orders.sellerAct(requireActor(req), req.params.id, req.body.action),
  );
};
