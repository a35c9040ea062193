import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '../../../contracts/common';
import { CoopInviteBody, CoopMemberList, CoopMemberParams, CoopMemberView, CoopParams, MyCoops, MyCoopView } from '../../../contracts/coop';
import { ErrorBody } from '../../../contracts/errors';
import { requireActor, requireRole } from '../../infra/http/auth';
import type { CoopService } from './coop.service';

export interface CoopRoutesOptions {
  coops: CoopService;
}

const errors = { '4xx': ErrorBody };
const coopOnly = { roles: ['coop' as const] };

export const coopRoutes: FastifyPluginAsyncTypebox<CoopRoutesOptions> = async (app, opts) => {
  const { coops } = opts;

  app.post(
    '/coop/members',
    {
      config: coopOnly,
      schema: {
        tags: ['coop'],
        summary: '邀请社员 Invite a verified seller to the co-op',
        body: CoopInviteBody,
        response: { 201: CoopMemberView, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await coops.invite(requireRole(req, 'coop').userId, req.body.phone)),
  );

  app.get(
    '/coop/members',
    {
      config: coopOnly,
      schema: { tags: ['coop'], summary: '社员与邀请 Members and open invitations', response: { 200: CoopMemberList, ...errors } },
    },
    async (req) => ({ items: await coops.listMembers(requireRole(req, 'coop').userId) }),
  );

  app.delete(
    '/coop/members/:memberId',
    {
      config: coopOnly,
      schema: {
        tags: ['coop'],
        summary: '移除社员或撤回邀请 Remove a member or withdraw an invitation',
        params: CoopMemberParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await coops.remove(requireRole(req, 'coop').userId, req.params.memberId);
      return { ok: true as const };
    },
  );

  app.get(
    '/me/coops',
    {
      schema: {
        tags: ['coop'],
        summary: '我的合作社邀请与成员身份 My co-op invitations and memberships',
        response: { 200: MyCoops, ...errors },
      },
    },
    async (req) => coops.mine(requireActor(req).userId),
  );

  app.post(
    '/me/coops/:coopId/accept',
    {
      schema: {
        tags: ['coop'],
        summary: '接受合作社邀请 Accept a co-op invitation',
        params: CoopParams,
        response: { 200: MyCoopView, ...errors },
      },
    },
    async (req) => coops.accept(requireActor(req).userId, req.params.coopId),
  );

  app.post(
    '/me/coops/:coopId/leave',
    {
      schema: {
        tags: ['coop'],
        summary: '退出合作社或拒绝邀请 Leave a co-op or decline its invitation',
        params: CoopParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await coops.leave(requireActor(req).userId, req.params.coopId);
      return { ok: true as const };
    },
  );
};
