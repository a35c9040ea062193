import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import { CreatePaymentBody, PaymentHeaders, PaymentView, RefundBody, RefundView, WebhookAnswer } from '../../../contracts/payments';
import { requireActor } from '../../infra/http/auth';
import type { PaymentService } from './payments.service';

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };
const tags = ['payments'];

/** The buyer's payments. Mounted under /api/v1. */
export const paymentsRoutes: FastifyPluginAsyncTypebox<{ payments: PaymentService }> = async (app, { payments }) => {
  app.post(
    '/payments',
    {
      config: { roles: ['buyer'] },
      schema: {
        tags,
        summary: '发起支付 Pay for orders (Idempotency-Key required; a retry gets the first answer)',
        headers: PaymentHeaders,
        body: CreatePaymentBody,
        response: { 201: PaymentView, ...errors },
      },
    },
    async (req, reply) => {
      const { payment, replayed } = await payments.create(requireActor(req), req.body, req.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(payment);
    },
  );

  app.get(
    '/payments/:id',
    { schema: { tags, summary: '支付单 A payment (its buyer or an admin)', params: IdParams, response: { 200: PaymentView, ...errors } } },
    async (req) => payments.get(requireActor(req), req.params.id),
  );

  // Refunds normally come from after-sales; this is the platform's hand on the same lever, for disputes.
  app.post(
    '/admin/payments/:id/refunds',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: '退款 Refund an order of a paid payment (admins; Idempotency-Key required)',
        params: IdParams,
        headers: PaymentHeaders,
        body: RefundBody,
        response: { 201: RefundView, ...errors },
      },
    },
    async (req, reply) => {
      // Keys live in one space with the services' own, so the admin's are kept apart by a prefix.
      const refund = await payments.refund({ paymentId: req.params.id, ...req.body }, `admin:${req.headers['idempotency-key']}`);
      req.log.info({ adminId: requireActor(req).userId, refundId: refund.id, paymentId: req.params.id }, 'admin refund');
      return reply.status(201).send(refund);
    },
  );
};

/**
 * Providers' notifications. The signature covers the exact bytes sent, so in this scope only
 * every body stays a Buffer; the service verifies it before reading a word of it.
 */
export const paymentWebhookRoutes: FastifyPluginAsyncTypebox<{ payments: PaymentService; providers: string[] }> = async (
  app,
  { payments, providers },
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));

  for (const provider of providers) {
    app.post(
      `/payments/webhooks/${provider}`,
      {
        config: { public: true },
        schema: { tags, summary: `支付通知 ${provider} notifications (signed)`, response: { 200: WebhookAnswer, ...errors } },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        await payments.handleWebhook(provider, req.headers, raw);
        return { ok: true as const };
      },
    );
  }
};
