import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../contracts/common';
import {
  CertificateBody,
  CertificateList,
  CertificateListQuery,
  CertificatePage,
  CertificateReviewBody,
  CertificateView,
  ClaimCheckBody,
  ClaimCheckResult,
  ClaimRuleSetBody,
  ClaimRuleSetVersions,
  ClaimRuleSetView,
} from '../../../contracts/compliance';
import { ErrorBody } from '../../../contracts/errors';
import { requireActor } from '../../infra/http/auth';
import type { CertificateService } from './certificate.service';
import type { ClaimRulesService } from './claim-rules.service';

const errors = { '4xx': ErrorBody };

export const complianceRoutes: FastifyPluginAsyncTypebox<{ rules: ClaimRulesService; certificates: CertificateService }> = async (
  app,
  { rules, certificates },
) => {
  app.post(
    '/claims/check',
    {
      schema: {
        tags: ['compliance'],
        summary: '违禁词检测 Check a text for banned or uncertified claims',
        body: ClaimCheckBody,
        response: { 200: ClaimCheckResult, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const kinds = actor.roles.includes('seller') ? await certificates.validKinds(actor.userId, req.body.certificateIds) : new Set<never>();
      return rules.check(req.body.text, kinds);
    },
  );

  app.post(
    '/seller/certificates',
    { config: { roles: ['seller'] }, schema: { tags: ['compliance'], body: CertificateBody, response: { 201: CertificateView, ...errors } } },
    async (req, reply) => reply.status(201).send(await certificates.submit(requireActor(req).userId, req.body)),
  );

  app.get(
    '/seller/certificates',
    { config: { roles: ['seller'] }, schema: { tags: ['compliance'], response: { 200: CertificateList, ...errors } } },
    async (req) => ({ items: await certificates.listMine(requireActor(req).userId) }),
  );

  app.get(
    '/seller/certificates/:id',
    { config: { roles: ['seller'] }, schema: { tags: ['compliance'], params: IdParams, response: { 200: CertificateView, ...errors } } },
    async (req) => certificates.getMine(requireActor(req).userId, req.params.id),
  );

  app.get(
    '/admin/certificates',
    { config: { roles: ['admin'] }, schema: { tags: ['admin'], querystring: CertificateListQuery, response: { 200: CertificatePage, ...errors } } },
    async (req) => certificates.list(req.query),
  );

  app.post(
    '/admin/certificates/:id/review',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['admin'], params: IdParams, body: CertificateReviewBody, response: { 200: CertificateView, ...errors } },
    },
    async (req) => certificates.review(requireActor(req).userId, req.params.id, req.body),
  );

  app.get(
    '/admin/claim-rules',
    { config: { roles: ['admin'] }, schema: { tags: ['admin'], response: { 200: ClaimRuleSetView, ...errors } } },
    async () => rules.getCurrentView(),
  );

  app.put(
    '/admin/claim-rules',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['admin'], summary: '发布新版违禁词库 Publish a new rule version', body: ClaimRuleSetBody, response: { 201: ClaimRuleSetView, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await rules.publish(requireActor(req).userId, req.body)),
  );

  app.get(
    '/admin/claim-rules/versions',
    { config: { roles: ['admin'] }, schema: { tags: ['admin'], response: { 200: ClaimRuleSetVersions, ...errors } } },
    async () => rules.listVersions(),
  );

  app.get(
    '/admin/claim-rules/versions/:version',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        params: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ClaimRuleSetView, ...errors },
      },
    },
    async (req) => rules.getVersion(req.params.version),
  );
};
