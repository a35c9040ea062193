import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Locale } from '../../../contracts/errors';
import { SandboxChargeParams, SandboxPageQuery } from '../../../contracts/payments';
import { renderSandboxNotFound, renderSandboxPage } from './sandbox-page';
import type { SandboxProvider } from './sandbox-provider';

const Html = { description: 'An HTML page', content: { 'text/html': { schema: Type.String() } } };
const Redirect = { description: 'Back to the pay page', type: 'null' } as const;
const tags = ['payments'];

const languageOf = (lang: string | undefined, fallback: Locale): Locale =>
  lang === 'en' ? 'en' : lang?.startsWith('zh') ? 'zh-CN' : fallback;

function sendPage(reply: FastifyReply, status: 200 | 404, page: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    .send(page);
}

/**
 * The sandbox provider's pay page, outside /api/v1 like a provider's cashier on its own site.
 * Anyone holding the link may pay or cancel, as with a real payment QR code.
 */
export const sandboxPageRoutes: FastifyPluginAsyncTypebox<{ sandbox: SandboxProvider }> = async (app, { sandbox }) => {
  // The buttons are plain HTML forms; what they post carries nothing the sandbox reads.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));

  app.get(
    '/sandbox/pay/:ref',
    { schema: { tags, summary: '沙箱支付页 Sandbox pay page (HTML)', params: SandboxChargeParams, querystring: SandboxPageQuery, response: { 200: Html, 404: Html } } },
    async (req, reply) => {
      const locale = languageOf(req.query.lang, req.locale);
      const charge = await sandbox.page(req.params.ref);
      if (!charge) return sendPage(reply, 404, renderSandboxNotFound(req.params.ref, locale));
      return sendPage(reply, 200, await renderSandboxPage(charge, locale));
    },
  );

  for (const action of ['pay', 'cancel'] as const) {
    app.post(
      `/sandbox/pay/:ref/${action}`,
      {
        schema: {
          tags,
          summary: action === 'pay' ? '沙箱：支付 Sandbox: pay' : '沙箱：取消 Sandbox: cancel',
          params: SandboxChargeParams,
          querystring: SandboxPageQuery,
          response: { 303: Redirect, 404: Html },
        },
      },
      async (req, reply) => {
        const locale = languageOf(req.query.lang, req.locale);
        if (!(await sandbox.page(req.params.ref))) return sendPage(reply, 404, renderSandboxNotFound(req.params.ref, locale));
        await (action === 'pay' ? sandbox.pay(req.params.ref) : sandbox.cancel(req.params.ref));
        // Post/redirect/get: reloading the result page does not press the button again.
        const lang = locale === 'en' ? 'en' : 'zh';
        return reply.redirect(`/sandbox/pay/${encodeURIComponent(req.params.ref)}?lang=${lang}`, 303);
      },
    );
  }
};
