import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddressBody,
  AddressList,
  AddressView,
  LoginBody,
  RegisterBody,
  SessionView,
  UpdateMeBody,
  UserView,
  VerificationListQuery,
  VerificationPage,
  VerificationRequestBody,
  VerificationReviewBody,
  VerificationView,
} from '../../../contracts/accounts';
import { IdParams, Ok } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import {
  clearSessionCookie,
  requireActor,
  requireRole,
  sessionCookie,
  setSessionCookie,
  type CookieSettings,
} from '../../infra/http/auth';
import type { AddressService } from './address.service';
import type { AccountsService } from './accounts.service';
import type { VerificationService } from './verification.service';

export interface AccountsRoutesOptions {
  accounts: AccountsService;
  verification: VerificationService;
  addresses: AddressService;
  cookie: CookieSettings;
}

const errors = { '4xx': ErrorBody };

export const accountsRoutes: FastifyPluginAsyncTypebox<AccountsRoutesOptions> = async (app, opts) => {
  const { accounts, verification, addresses, cookie } = opts;
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
  });

  app.post(
    '/auth/register',
    { config: { public: true }, schema: { tags: ['accounts'], summary: '注册 Register', body: RegisterBody, response: { 201: UserView, ...errors } } },
    async (req, reply) => {
      const { user, token } = await accounts.register(req.body, client(req));
      setSessionCookie(reply, token, cookie);
      return reply.status(201).send(user);
    },
  );

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['accounts'], summary: '登录 Log in', body: LoginBody, response: { 200: UserView, ...errors } } },
    async (req, reply) => {
      const { user, token } = await accounts.login(req.body.phone, req.body.password, client(req));
      setSessionCookie(reply, token, cookie);
      return user;
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['accounts'], summary: '退出 Log out', response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) await accounts.logout(token);
      clearSessionCookie(reply, cookie.secure);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    { config: { public: true }, schema: { tags: ['accounts'], summary: '当前登录用户（游客为 null）Who is browsing', response: { 200: SessionView, ...errors } } },
    async (req) => ({ user: req.actor ? await accounts.getUserView(req.actor.userId) : null }),
  );

  app.get('/me', { schema: { tags: ['accounts'], response: { 200: UserView, ...errors } } }, async (req) =>
    accounts.getUserView(requireActor(req).userId),
  );

  app.patch(
    '/me',
    { schema: { tags: ['accounts'], body: UpdateMeBody, response: { 200: UserView, ...errors } } },
    async (req) => accounts.updateMe(requireActor(req).userId, req.body),
  );

  app.post(
    '/me/verifications',
    {
      schema: {
        tags: ['accounts'],
        summary: '实名认证申请 Apply for seller / co-op / MCN verification',
        body: VerificationRequestBody,
        response: { 201: VerificationView, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await verification.apply(requireActor(req), req.body)),
  );

  app.get(
    '/seller/profile',
    { schema: { tags: ['accounts'], summary: '已认证卖家资料 Verified seller profile', response: { 200: VerificationView, ...errors } } },
    async (req) => verification.getVerifiedSeller(requireActor(req)),
  );

  app.get('/me/addresses', { schema: { tags: ['accounts'], response: { 200: AddressList, ...errors } } }, async (req) => ({
    items: await addresses.list(requireActor(req).userId),
  }));

  app.post(
    '/me/addresses',
    { schema: { tags: ['accounts'], body: AddressBody, response: { 201: AddressView, ...errors } } },
    async (req, reply) => reply.status(201).send(await addresses.create(requireActor(req).userId, req.body)),
  );

  app.patch(
    '/me/addresses/:id',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: Type.Partial(AddressBody, { additionalProperties: false, minProperties: 1 }),
        response: { 200: AddressView, ...errors },
      },
    },
    async (req) => addresses.update(requireActor(req).userId, req.params.id, req.body),
  );

  app.delete(
    '/me/addresses/:id',
    { schema: { tags: ['accounts'], params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await addresses.remove(requireActor(req).userId, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/admin/verifications',
    {
      config: { roles: ['admin'] }, schema: { tags: ['admin'], querystring: VerificationListQuery, response: { 200: VerificationPage, ...errors } } },
    async (req) => verification.list(req.query),
  );

  app.post(
    '/admin/verifications/:id/review',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '审核实名认证 Approve or reject a verification',
        params: IdParams,
        body: VerificationReviewBody,
        response: { 200: VerificationView, ...errors },
      },
    },
    async (req) => verification.review(requireRole(req, 'admin').userId, req.params.id, req.body),
  );
};
