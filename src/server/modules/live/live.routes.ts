import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import { LiveBody, LiveList, LiveListQuery, LivePreflight, LiveView, RoomView, SellerLiveList, SellerLiveView, StreamKeyView } from '../../../contracts/live';
import { requireActor } from '../../infra/http/auth';
import type { BroadcastService } from './broadcast.service';
import type { LiveService } from './live.service';
import type { RoomService } from './room.service';

const errors = { '4xx': ErrorBody };
const seller = { roles: ['seller'] as Array<'seller'> };

export const liveRoutes: FastifyPluginAsyncTypebox<{ lives: LiveService; rooms: RoomService; broadcast: BroadcastService }> = async (
  app,
  { lives, rooms, broadcast },
) => {
  app.get(
    '/lives',
    { config: { public: true }, schema: { tags: ['live'], summary: '直播列表 Lives now and coming', querystring: LiveListQuery, response: { 200: LiveList, ...errors } } },
    async (req) => ({ items: await lives.list(req.query) }),
  );

  app.get(
    '/lives/:id',
    { config: { public: true }, schema: { tags: ['live'], params: IdParams, response: { 200: LiveView, ...errors } } },
    async (req) => lives.get(req.params.id),
  );

  app.get(
    '/seller/room',
    { config: seller, schema: { tags: ['live'], summary: '我的直播间 My room and where to publish', response: { 200: RoomView, ...errors } } },
    async (req) => rooms.getMine(requireActor(req)),
  );

  app.post(
    '/seller/room/stream-key',
    {
      config: seller,
      schema: { tags: ['live'], summary: '生成新推流码 New stream key (shown once; the old one stops working)', response: { 201: StreamKeyView, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await rooms.rotateKey(requireActor(req))),
  );

  app.post(
    '/seller/lives',
    { config: seller, schema: { tags: ['live'], summary: '预约直播 Schedule a live', body: LiveBody, response: { 201: SellerLiveView, ...errors } } },
    async (req, reply) => reply.status(201).send(await lives.schedule(requireActor(req), req.body, req.locale)),
  );

  app.get(
    '/seller/lives',
    { config: seller, schema: { tags: ['live'], response: { 200: SellerLiveList, ...errors } } },
    async (req) => ({ items: await lives.listMine(requireActor(req)) }),
  );

  app.get(
    '/seller/lives/:id',
    { config: seller, schema: { tags: ['live'], params: IdParams, response: { 200: SellerLiveView, ...errors } } },
    async (req) => lives.getMine(requireActor(req), req.params.id),
  );

  app.put(
    '/seller/lives/:id',
    { config: seller, schema: { tags: ['live'], params: IdParams, body: LiveBody, response: { 200: SellerLiveView, ...errors } } },
    async (req) => lives.update(requireActor(req), req.params.id, req.body, req.locale),
  );

  app.post(
    '/seller/lives/:id/cancel',
    { config: seller, schema: { tags: ['live'], params: IdParams, response: { 200: SellerLiveView, ...errors } } },
    async (req) => lives.cancel(requireActor(req), req.params.id),
  );

  app.get(
    '/seller/lives/:id/preflight',
    { config: seller, schema: { tags: ['live'], summary: '开播前检查 What would stop this live from starting', params: IdParams, response: { 200: LivePreflight, ...errors } } },
    async (req) => lives.preflight(requireActor(req), req.params.id),
  );

  app.post(
    '/seller/lives/:id/end',
    { config: seller, schema: { tags: ['live'], summary: '结束直播 End the live', params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await broadcast.end(requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
};
