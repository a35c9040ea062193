import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import {
  ChatMessageParams,
  ModeratorBody,
  ModeratorList,
  NoticeBody,
  PinBody,
  RoomAccess,
  RoomParams,
  RoomUserParams,
  SanctionBody,
  SanctionList,
  SlowModeBody,
} from '../../../contracts/room';
import { requireActor } from '../../infra/http/auth';
import type { ModerationService } from './moderation.service';

const errors = { '4xx': ErrorBody };
const tags = ['room'];
const ok = { ok: true as const };

/** The anchor's and moderators' controls; the effects reach viewers as room events. */
export const roomRoutes: FastifyPluginAsyncTypebox<{ moderation: ModerationService }> = async (app, { moderation }) => {
  app.get(
    '/rooms/:id/access',
    { schema: { tags, summary: '我在直播间的权限 What I may do in this room', params: RoomParams, response: { 200: RoomAccess, ...errors } } },
    async (req) => moderation.access(requireActor(req), req.params.id),
  );

  app.put(
    '/rooms/:id/pin',
    { schema: { tags, summary: '置顶商品 Pin a product', params: RoomParams, body: PinBody, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.pin(requireActor(req), req.params.id, req.body.productId), ok),
  );
  app.delete(
    '/rooms/:id/pin',
    { schema: { tags, summary: '取消置顶 Unpin', params: RoomParams, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.unpin(requireActor(req), req.params.id), ok),
  );

  app.put(
    '/rooms/:id/notice',
    { schema: { tags, summary: '发布公告 Announce', params: RoomParams, body: NoticeBody, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.announce(requireActor(req), req.params.id, req.body.text, req.locale), ok),
  );
  app.delete(
    '/rooms/:id/notice',
    { schema: { tags, summary: '撤下公告 Clear the notice', params: RoomParams, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.clearNotice(requireActor(req), req.params.id), ok),
  );

  app.put(
    '/rooms/:id/slow-mode',
    { schema: { tags, summary: '慢速模式 Slow mode', params: RoomParams, body: SlowModeBody, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.setSlowMode(requireActor(req), req.params.id, req.body.seconds), ok),
  );

  app.delete(
    '/rooms/:id/chat/:messageId',
    { schema: { tags, summary: '删除弹幕 Delete a chat line', params: ChatMessageParams, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.deleteMessage(requireActor(req), req.params.id, req.params.messageId), ok),
  );

  app.get(
    '/rooms/:id/sanctions',
    { schema: { tags, summary: '禁言与拉黑 Mutes and bans', params: RoomParams, response: { 200: SanctionList, ...errors } } },
    async (req) => ({ items: await moderation.listSanctions(requireActor(req), req.params.id) }),
  );
  app.post(
    '/rooms/:id/sanctions',
    { schema: { tags, summary: '禁言或拉黑 Mute or ban', params: RoomParams, body: SanctionBody, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.sanction(requireActor(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/rooms/:id/sanctions/:userId',
    { schema: { tags, summary: '解除禁言或拉黑 Lift', params: RoomUserParams, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.lift(requireActor(req), req.params.id, req.params.userId), ok),
  );

  app.get(
    '/rooms/:id/moderators',
    { schema: { tags, summary: '房管 Room moderators', params: RoomParams, response: { 200: ModeratorList, ...errors } } },
    async (req) => ({ items: await moderation.listModerators(requireActor(req), req.params.id) }),
  );
  app.post(
    '/rooms/:id/moderators',
    { schema: { tags, summary: '任命房管 Appoint a moderator', params: RoomParams, body: ModeratorBody, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.appoint(requireActor(req), req.params.id, req.body.userId), ok),
  );
  app.delete(
    '/rooms/:id/moderators/:userId',
    { schema: { tags, summary: '撤销房管 Dismiss a moderator', params: RoomUserParams, response: { 200: Ok, ...errors } } },
    async (req) => (await moderation.dismiss(requireActor(req), req.params.id, req.params.userId), ok),
  );
};
