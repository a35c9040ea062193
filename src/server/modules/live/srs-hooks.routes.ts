import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SrsHookAnswer, SrsHookBody } from '../../../contracts/live';
import type { BroadcastService } from './broadcast.service';

const allow = { code: 0 };

/**
 * HTTP callbacks of an SRS cluster (or anything speaking its protocol) that replaces the
 * embedded ingest. SRS lets a publish in only on HTTP 200 with `{"code":0}`; anything else refuses.
 * SRS must call them with `?secret=<MEDIA_HOOK_SECRET>`; they exist only with MEDIA_INGEST=external.
 */
export const srsHookRoutes: FastifyPluginAsyncTypebox<{ broadcast: BroadcastService; secret: string; publicMediaUrl: string }> = async (
  app,
  { broadcast, secret, publicMediaUrl },
) => {
  const schema = {
    tags: ['media'],
    querystring: Type.Object({ secret: Type.Optional(Type.String({ maxLength: 200 })) }),
    body: SrsHookBody,
    response: { 200: SrsHookAnswer, 403: SrsHookAnswer },
  };
  const expected = Buffer.from(secret);
  const trusted = (given: string | undefined) => {
    const candidate = Buffer.from(given ?? '');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  };

  app.post('/media/hooks/on_publish', { config: { public: true }, schema }, async (req, reply) => {
    if (!trusted(req.query.secret)) return reply.status(403).send({ code: 403, msg: 'bad hook secret' });
    const key = new URLSearchParams(req.body.param ?? '').get('key') ?? undefined;
    const verdict = await broadcast.authorise(req.body.stream ?? '', key);
    if (!verdict.ok) {
      req.log.info({ stream: req.body.stream, reason: verdict.reason }, 'srs publish refused');
      return reply.status(403).send({ code: 403, msg: verdict.reason });
    }
    return allow;
  });

  app.post('/media/hooks/on_unpublish', { config: { public: true }, schema }, async (req, reply) => {
    if (!trusted(req.query.secret)) return reply.status(403).send({ code: 403, msg: 'bad hook secret' });
    await broadcast.ended(req.body.stream ?? '', undefined);
    return allow;
  });

  // SRS names the file on its own disk; its HTTP server publishes what is under its html root.
  app.post('/media/hooks/on_dvr', { config: { public: true }, schema }, async (req, reply) => {
    if (!trusted(req.query.secret)) return reply.status(403).send({ code: 403, msg: 'bad hook secret' });
    const file = req.body.file ?? '';
    const served = file.includes('/html/') ? file.slice(file.indexOf('/html/') + 5) : `/${file.split('/').pop() ?? ''}`;
    await broadcast.recordExternal(req.body.stream ?? '', { file, url: `${publicMediaUrl}${served}` });
    return allow;
  });
};
