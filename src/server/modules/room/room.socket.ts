import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { RawData } from 'ws';
import { formatErrorMessage, type ErrorCode } from '../../../contracts/errors';
import { ClientFrame, RoomCloseCode, RoomParams, type ServerFrame } from '../../../contracts/room';
import { DomainError, RateLimitedError } from '../../infra/errors';
import type { ChatService } from './chat.service';
import type { RoomGateway } from './gateway';
import type { RoomPolicy } from './room-policy';

const clientFrame = Compile(ClientFrame);
const RoomQuery = Type.Object({
  since: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The language the page shows, which may differ from the browser's. */
  lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
});

// What one socket may send: chat is limited per user by the chat service; this only stops floods.
// A bucket rather than a fixed window, so a burst read after a stall (of the node or of a phone
// on a weak signal) is not mistaken for one.
const framesPerSecond = 20;
const frameBurst = 60;
const likesPerSecond = 30;
const badFramesAllowed = 5;

/** Cookies ride along on a cross-site WebSocket too; such a socket is served as a guest's. */
function fromThisSite(req: FastifyRequest, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  return origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
}

/** GET /ws/rooms/:id — one socket per viewer; see contracts/room.ts for the frames. */
export const roomSocketRoutes: FastifyPluginAsyncTypebox<{
  gateway: RoomGateway;
  chat: ChatService;
  policy: RoomPolicy;
  publicUrl: string;
}> = async (app, { gateway, chat, policy, publicUrl }) => {
  const publicOrigin = new URL(publicUrl).origin;

  app.get(
    '/ws/rooms/:id',
    {
      websocket: true,
      schema: { hide: true, params: RoomParams, querystring: RoomQuery },
      // An unknown room is refused before the upgrade, as a plain HTTP answer.
      preHandler: async (req) => {
        if (req.actor && !fromThisSite(req, publicOrigin)) req.actor = null;
        await policy.rules(req.params.id);
      },
    },
    async (socket, req) => {
      const roomId = req.params.id;
      const actor = req.actor;
      const locale = req.query.lang ?? req.locale;
      const budget = { frames: frameBurst, likes: likesPerSecond, at: Date.now() };
      let badFrames = 0;

      const answer = (frame: ServerFrame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      const refuse = (ref: string | null, code: ErrorCode, params: Record<string, string | number> = {}, retryAfterSeconds?: number) =>
        answer({
          t: 'reply',
          ref,
          ok: false,
          error: { code, message: formatErrorMessage(code, locale, params), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
        });
      const badFrame = () => {
        refuse(null, 'WS_BAD_FRAME');
        if (++badFrames >= badFramesAllowed) socket.close(RoomCloseCode.badFrame, 'bad frames');
      };

      async function onChat(text: string, ref: string | null) {
        if (!actor) return refuse(ref, 'UNAUTHENTICATED');
        try {
          const seq = await chat.say(actor, roomId, text, { slowModeSeconds: gateway.slowModeSeconds(roomId), locale });
          answer({ t: 'reply', ref, ok: true, seq });
        } catch (err) {
          if (err instanceof RateLimitedError) return refuse(ref, err.code, err.params, err.retryAfterSeconds);
          if (err instanceof DomainError) return refuse(ref, err.code, err.params);
          req.log.error({ err, roomId }, 'chat failed');
          refuse(ref, 'INTERNAL');
        }
      }

      function onMessage(data: RawData, isBinary: boolean) {
        const now = Date.now();
        const elapsed = (now - budget.at) / 1_000;
        budget.at = now;
        budget.frames = Math.min(frameBurst, budget.frames + elapsed * framesPerSecond);
        budget.likes = Math.min(likesPerSecond, budget.likes + elapsed * likesPerSecond);
        if (--budget.frames < 0) {
          socket.close(RoomCloseCode.badFrame, 'too many frames');
          return;
        }
        if (isBinary) return badFrame();
        let frame: unknown;
        try {
          frame = JSON.parse(data.toString());
        } catch {
          return badFrame();
        }
        if (!clientFrame.Check(frame)) return badFrame();
        switch (frame.t) {
          case 'ping':
            return answer({ t: 'pong' });
          case 'like': {
            if (!actor) return refuse(null, 'UNAUTHENTICATED');
            // Taps past the budget are dropped quietly: a heart storm is not an error.
            const count = Math.min(frame.n ?? 1, Math.floor(budget.likes));
            if (count <= 0) return;
            budget.likes -= count;
            return gateway.like(roomId, count);
          }
          case 'chat':
            return void onChat(frame.text, frame.ref ?? null);
        }
      }

      socket.on('message', onMessage);
      // A banned viewer is told why in a frame a browser can read (a refused upgrade shows only as 1006).
      const ban = actor ? policy.sanctionOf(await policy.rules(roomId), actor.userId) : undefined;
      if (ban?.kind === 'ban') {
        answer({ t: 'sanction', kind: 'ban', until: ban.until?.toISOString() ?? null });
        socket.close(RoomCloseCode.banned, 'banned');
        return;
      }
      const joined = gateway.join(roomId, socket, actor?.userId ?? null, req.query.since);
      socket.on('close', () => {
        joined.then((v) => gateway.leave(v)).catch(() => {});
      });
      joined.catch((err: unknown) => {
        req.log.error({ err, roomId }, 'room join failed');
        socket.close(1011, 'room unavailable');
      });
    },
  );
};
