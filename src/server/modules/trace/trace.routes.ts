import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok } from '../../../contracts/common';
import { ErrorBody, type Locale } from '../../../contracts/errors';
import {
  LotBody,
  LotDetail,
  LotEventBody,
  LotEventParams,
  LotEventView,
  LotLabelsQuery,
  LotList,
  LotView,
  PublicLotList,
  SellerLotListQuery,
  TraceCodeParams,
  TracePageQuery,
  TraceQrQuery,
  TraceView,
} from '../../../contracts/trace';
import { DomainError } from '../../infra/errors';
import { requireActor } from '../../infra/http/auth';
import { renderLabelSheet } from './label-sheet';
import type { LotService } from './lot.service';
import { qrPng, qrSvg } from './qr';
import { renderTraceNotFound, renderTracePage } from './trace-page';

const errors = { '4xx': ErrorBody };
// A co-op account keeps the lots of its member farmers' products.
const editors = { roles: ['seller', 'coop'] as Array<'seller' | 'coop'> };
const Html = { description: 'An HTML page', content: { 'text/html': { schema: Type.String() } } };

/** A QR image for a code never changes while the site's address stays the same. */
const qrCache = 'public, max-age=86400';

// Whatever a scanner or a person put in the address gets a page, a friendly 404 at worst.
const PageParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) });

const languageOf = (lang: string | undefined, fallback: Locale): Locale =>
  lang === 'en' ? 'en' : lang?.startsWith('zh') ? 'zh-CN' : fallback;

/** Seller routes for lots and events, and the public JSON and QR images behind a code. Mounted under /api/v1. */
export const traceRoutes: FastifyPluginAsyncTypebox<{ lots: LotService }> = async (app, { lots }) => {
  app.post(
    '/seller/lots',
    { config: editors, schema: { tags: ['trace'], summary: '新建批次 Create a lot', body: LotBody, response: { 201: LotView, ...errors } } },
    async (req, reply) => reply.status(201).send(await lots.createLot(requireActor(req), req.body)),
  );

  app.get(
    '/seller/lots',
    {
      config: editors,
      schema: { tags: ['trace'], summary: '我的批次 My lots, or one product’s', querystring: SellerLotListQuery, response: { 200: LotList, ...errors } },
    },
    async (req) => ({ items: await lots.listLots(requireActor(req), req.query) }),
  );

  app.get(
    '/seller/lots/:id',
    { config: editors, schema: { tags: ['trace'], summary: '批次与生产记录 A lot with its timeline', params: IdParams, response: { 200: LotDetail, ...errors } } },
    async (req) => lots.getLot(requireActor(req), req.params.id),
  );

  app.post(
    '/seller/lots/:id/events',
    {
      config: editors,
      schema: { tags: ['trace'], summary: '添加生产记录 Record an event', params: IdParams, body: LotEventBody, response: { 201: LotEventView, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await lots.addEvent(requireActor(req), req.params.id, req.body)),
  );

  app.delete(
    '/seller/lots/:id/events/:eventId',
    {
      config: editors,
      schema: { tags: ['trace'], summary: '删除误录的记录 Remove a mistaken entry', params: LotEventParams, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await lots.deleteEvent(requireActor(req), req.params.id, req.params.eventId);
      return { ok: true as const };
    },
  );

  app.get(
    '/seller/lots/:id/labels',
    {
      config: editors,
      schema: {
        tags: ['trace'],
        summary: '打印标签 Printable A4 label sheet',
        params: IdParams,
        querystring: LotLabelsQuery,
        response: { 200: Html, ...errors },
      },
    },
    async (req, reply) => {
      const { lot, product } = await lots.labelData(requireActor(req), req.params.id);
      const nonce = randomBytes(16).toString('base64');
      const page = renderLabelSheet({
        lot,
        product,
        count: req.query.count,
        qrSvg: await qrSvg(lot.links.traceUrl),
        locale: languageOf(req.query.lang, req.locale),
        scriptNonce: nonce,
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header(
          'content-security-policy',
          `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        )
        .send(page);
    },
  );

  app.get(
    '/trace/:code',
    { config: { public: true }, schema: { tags: ['trace'], summary: '批次溯源 Public trace record', params: TraceCodeParams, response: { 200: TraceView, ...errors } } },
    async (req, reply) => reply.header('cache-control', 'public, max-age=60').send(await lots.trace(req.params.code)),
  );

  app.get(
    '/trace/:code/qr.svg',
    {
      config: { public: true },
      schema: { tags: ['trace'], summary: '溯源二维码 QR code (SVG)', params: TraceCodeParams, response: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: Type.String() } } }, ...errors } },
    },
    async (req, reply) => {
      const code = await lots.resolveCode(req.params.code);
      return reply
        .type('image/svg+xml')
        .header('cache-control', qrCache)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${code}.svg"`)
        .send(await qrSvg(lots.traceUrl(code)));
    },
  );

  app.get(
    '/trace/:code/qr.png',
    {
      config: { public: true },
      schema: {
        tags: ['trace'],
        summary: '溯源二维码 QR code (PNG)',
        params: TraceCodeParams,
        querystring: TraceQrQuery,
        response: { 200: { description: 'PNG', content: { 'image/png': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } }, ...errors },
      },
    },
    async (req, reply) => {
      const code = await lots.resolveCode(req.params.code);
      return reply
        .type('image/png')
        .header('cache-control', qrCache)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${code}.png"`)
        .send(await qrPng(lots.traceUrl(code), req.query.size ?? 600));
    },
  );

  app.get(
    '/products/:id/lots',
    { config: { public: true }, schema: { tags: ['trace'], summary: '商品的批次 Lots of a product on sale', params: IdParams, response: { 200: PublicLotList, ...errors } } },
    async (req) => ({ items: await lots.publicLots(req.params.id) }),
  );
};

/**
 * The page a QR code opens, outside /api/v1 and before the web app's fallback: plain HTML
 * that needs no script, so it works in every scanner's in-app browser.
 */
export const tracePageRoutes: FastifyPluginAsyncTypebox<{ lots: LotService; publicUrl: string }> = async (app, { lots, publicUrl }) => {
  app.get(
    '/trace/:code',
    {
      config: { public: true },
      schema: { tags: ['trace'], summary: '溯源页面 Public trace page (HTML)', params: PageParams, querystring: TracePageQuery, response: { 200: Html, 404: Html } },
    },
    async (req, reply) => {
      const locale = languageOf(req.query.lang, req.locale);
      const send = (status: 200 | 404, page: string) =>
        reply
          .status(status)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .header('vary', 'accept-language')
          .header('x-content-type-options', 'nosniff')
          .header('referrer-policy', 'strict-origin-when-cross-origin')
          // No script runs here at all: a note that slipped past escaping could still do nothing.
          .header(
            'content-security-policy',
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          )
          .send(page);
      try {
        return send(200, renderTracePage(await lots.trace(req.params.code), locale));
      } catch (err) {
        if (err instanceof DomainError && err.code === 'LOT_NOT_FOUND') return send(404, renderTraceNotFound(req.params.code, locale, publicUrl));
        throw err;
      }
    },
  );
};
